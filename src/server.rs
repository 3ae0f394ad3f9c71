//! The HTTP accept loop every listener runs: a cap on open connections, a timer for slow or
//! idle clients, a deadline per request, and a graceful stop.
//!
//! `axum::serve` has no read timeouts and no connection cap: 70 half-sent requests stayed
//! open for good. This is the same hyper server with those limits set.

use crate::config::HttpConfig;
use axum::Router;
use axum::extract::ConnectInfo;
use axum::http::StatusCode;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tower::ServiceExt;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};

/// Serve `router` on `listener` until `stop` is cancelled, then let the requests in flight
/// finish (for at most the request timeout and a little more).
pub async fn run(
    listener: TcpListener,
    router: Router,
    limits: HttpConfig,
    stop: CancellationToken,
) -> std::io::Result<()> {
    let router = router.layer((
        RequestBodyTimeoutLayer::new(limits.body_timeout),
        TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limits.request_timeout),
    ));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let open = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    loop {
        // A permit before accepting: at the cap, new clients wait in the kernel's backlog
        // instead of costing memory here.
        let permit = tokio::select! {
            () = stop.cancelled() => break,
            permit = open.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
        };
        let (stream, peer) = tokio::select! {
            () = stop.cancelled() => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, mostly: wait instead of spinning.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        let service = TowerToHyperService::new(with_peer(router.clone(), peer));
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                // Timeouts and clients that hang up: routine, and nothing personal to log.
                tracing::debug!(error = %e, "connection ended with an error");
            }
            drop(permit);
        });
    }
    drop(listener);
    let drain = limits.request_timeout + Duration::from_secs(5);
    if tokio::time::timeout(drain, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("connections still open at shutdown were dropped");
    }
    Ok(())
}

/// The router, told which peer each request came from (read by `web::client`).
fn with_peer(
    router: Router,
    peer: SocketAddr,
) -> impl tower::Service<
    axum::http::Request<Incoming>,
    Response = axum::response::Response,
    Error = std::convert::Infallible,
    Future = impl Send,
> + Clone {
    router.map_request(move |mut request: axum::http::Request<Incoming>| {
        request.extensions_mut().insert(ConnectInfo(peer));
        request
    })
}
