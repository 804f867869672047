//! Standalone entry (the page `trunk serve` builds): installs the panic hook (debug builds) and
//! mounts the widget into every `[data-calendar-connect]` element.

#[cfg(target_arch = "wasm32")]
fn main() {
    // Panic messages in the console are for developers (`trunk serve` is a debug build); the
    // hook and its message formatting cost 1.0 KB gzip of wasm and JS in every release page.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    calendar_connect::embed::mount_all();
}

/// The widget only runs in a browser; natively this binary just says how to build it.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("calendar-connect is a WebAssembly widget: build it with `trunk build`.");
}
