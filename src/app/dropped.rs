//! Files and folders dropped on the page. A dropped folder arrives as a
//! `FileSystemDirectoryEntry`, not as files: its entries are read (batch by batch,
//! as `readEntries` hands them out) and its sub-folders walked, so dropping a
//! folder loads every file in it, as the folder picker does.

use js_sys::{Array, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DataTransfer, File, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry};

/// The file chosen in an `<input type="file">` whose change event this is.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<File> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
}

/// A small file's text (a scenario, a bid); `None` if it cannot be read.
pub async fn file_text(file: &File) -> Option<String> {
    JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string())
}

/// The entries of a drop. Must be called inside the drop handler: the browser
/// empties the DataTransfer once the event is over.
pub fn entries(transfer: &DataTransfer) -> Vec<FileSystemEntry> {
    let items = transfer.items();
    (0..items.length())
        .filter_map(|i| items.get(i))
        .filter(|item| item.kind() == "file")
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect()
}

fn next_batch(reader: &web_sys::FileSystemDirectoryReader) -> Promise {
    Promise::new(&mut |resolve, reject| {
        let _ = reader.read_entries_with_callback_and_callback(&resolve, &reject);
    })
}

fn file_of(entry: &FileSystemFileEntry) -> Promise {
    Promise::new(&mut |resolve, reject| entry.file_with_callback_and_callback(&resolve, &reject))
}

/// Every file under the entries, sub-folders included, in path order.
pub async fn files(entries: Vec<FileSystemEntry>) -> Result<Vec<File>, JsValue> {
    let mut stack = entries;
    let mut found: Vec<(String, File)> = Vec::new();
    while let Some(entry) = stack.pop() {
        if entry.is_file() {
            let file: File = JsFuture::from(file_of(entry.unchecked_ref())).await?.unchecked_into();
            found.push((entry.full_path(), file));
        } else if entry.is_directory() {
            let reader = entry.unchecked_ref::<FileSystemDirectoryEntry>().create_reader();
            loop {
                let batch = Array::from(&JsFuture::from(next_batch(&reader)).await?);
                if batch.length() == 0 {
                    break;
                }
                stack.extend(batch.iter().map(JsCast::unchecked_into::<FileSystemEntry>));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(found.into_iter().map(|(_, f)| f).collect())
}
