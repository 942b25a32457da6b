//! Saving a text, bytes or a canvas as a file the user downloads (no network involved:
//! an object URL or data URL on the page itself).

use wasm_bindgen::JsCast;

fn click_link(href: &str, file_name: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(href);
    a.set_download(file_name);
    a.click();
    Some(())
}

/// Offers one part (a string or a byte array) as a download of type `mime`.
fn save_part(file_name: &str, part: &wasm_bindgen::JsValue, mime: &str) {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(part);
    let Ok(blob) = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    click_link(&url, file_name);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Offers `text` as a download named `file_name`.
pub fn save_text(file_name: &str, text: &str, mime: &str) {
    save_part(file_name, &wasm_bindgen::JsValue::from_str(text), mime);
}

/// Offers `bytes` as a download named `file_name`.
pub fn save_bytes(file_name: &str, bytes: &[u8], mime: &str) {
    save_part(file_name, &js_sys::Uint8Array::from(bytes).into(), mime);
}

/// Offers the canvas's picture as a PNG download.
pub fn save_canvas_png(canvas: &web_sys::HtmlCanvasElement, file_name: &str) {
    if let Ok(url) = canvas.to_data_url_with_type("image/png") {
        click_link(&url, file_name);
    }
}
