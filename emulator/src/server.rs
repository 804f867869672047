//! The accept loop: each TCP connection is served over HTTP/1.1 by the router, and can be
//! dropped on purpose by a `closeConnection` fault.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::Router;
use hyper::body::Incoming;
use hyper::Request;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::task::JoinHandle;
use tower::ServiceExt;

/// Put into every request's extensions: closes the TCP connection the request came on,
/// without an answer.
#[derive(Clone)]
pub struct ConnectionKiller(Arc<Notify>);

impl ConnectionKiller {
    pub fn kill(&self) {
        self.0.notify_one();
    }
}

/// Accepts connections forever on `listener`, serving each with `app`.
pub fn spawn(listener: TcpListener, app: Router) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match listener.accept().await {
                Ok((stream, _)) => {
                    tokio::spawn(serve_connection(stream, app.clone()));
                }
                Err(error) => {
                    // Running out of file descriptors is transient; wait instead of spinning.
                    eprintln!("wix-emulator: accept failed: {error}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        }
    })
}

async fn serve_connection(stream: TcpStream, app: Router) {
    let _ = stream.set_nodelay(true);
    let killer = ConnectionKiller(Arc::new(Notify::new()));
    let killed = killer.0.clone();
    let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
        request.extensions_mut().insert(killer.clone());
        app.clone().oneshot(request.map(Body::new))
    });
    let connection =
        hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), service);
    // Dropping the connection future closes the socket.
    tokio::select! {
        _ = connection => {}
        _ = killed.notified() => {}
    }
}
