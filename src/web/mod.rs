//! HTTP: the dinas dashboard, health and metrics; channel webhooks are merged in by `app`.

pub mod auth;
mod campaigns;
pub mod client;
mod error;
mod exports;
mod home;
mod lang;
mod layout;
mod leads;
pub mod login_guard;
mod metrics;
mod referrals;
mod reports;
mod show;
mod sign_in;
mod staff;

use crate::domain::Locale;
use crate::flow::Msg;
use crate::service::Service;
use crate::store::staff::SessionLimits;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use std::sync::Arc;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub service: Service,
    pub sessions: Arc<SessionLimits>,
    /// Mark cookies `Secure` (the dashboard is served over https).
    pub secure_cookies: bool,
    pub login_guard: Arc<login_guard::LoginGuard>,
    pub passwords: auth::Passwords,
    /// Proxies whose `X-Forwarded-For` names the client (see `client`).
    pub trusted_proxies: Arc<[std::net::IpAddr]>,
    /// `/metrics` answers on the dashboard's listener only with this bearer token.
    pub metrics_token: Option<Arc<str>>,
    pub metrics: Arc<metrics::Metrics>,
    /// Permits for exports running now (see `exports`); tests may hold them to fill it.
    pub exports: Arc<tokio::sync::Semaphore>,
    /// The Telegram bot's username, for staff link codes (`https://t.me/<bot>?start=…`).
    pub telegram_bot: Option<String>,
}

impl AppState {
    pub fn new(service: Service, secure_cookies: bool, telegram_bot: Option<String>) -> Self {
        Self {
            service,
            sessions: Arc::new(SessionLimits {
                idle: time::Duration::minutes(30),
                absolute: time::Duration::hours(12),
            }),
            secure_cookies,
            login_guard: Arc::new(login_guard::LoginGuard::new(
                login_guard::LIMITS,
                std::time::Instant::now(),
            )),
            passwords: auth::Passwords::default(),
            trusted_proxies: Arc::new([]),
            metrics_token: None,
            metrics: Arc::default(),
            exports: Arc::new(tokio::sync::Semaphore::new(exports::EXPORTS_AT_ONCE)),
            telegram_bot,
        }
    }

    /// Whom to believe about client addresses, and who may read `/metrics` here.
    pub fn with_http(mut self, http: &crate::config::HttpConfig) -> Self {
        self.trusted_proxies = http.trusted_proxies.clone().into();
        self.metrics_token = http.metrics_token.as_deref().map(Arc::from);
        self
    }

    /// The session cookie's name (`__Host-` over https).
    pub fn cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            auth::SECURE_COOKIE
        } else {
            auth::COOKIE
        }
    }

    /// Dashboard text, from the Fluent files, in the language of this request.
    pub fn t(&self, id: &'static str) -> String {
        self.tm(&Msg::new(id))
    }

    /// Dashboard text with arguments.
    pub fn tm(&self, msg: &Msg) -> String {
        self.service.texts.render(self.locale(), msg)
    }

    /// The language of this request (see `lang`).
    pub fn locale(&self) -> Locale {
        lang::current()
    }
}

/// The one-time link for creating the first admin, when there is no admin yet.
pub async fn setup_link(state: &AppState) -> Result<Option<String>, crate::store::StoreError> {
    sign_in::issue_setup_link(state).await
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics::render_with_token))
        .route("/static/app.css", get(css))
        .route("/", get(home::home))
        .route(
            "/login",
            get(sign_in::login_page)
                .post(sign_in::login)
                .layer(small_form()),
        )
        .route("/logout", post(sign_in::logout))
        .route("/bahasa", post(lang::switch).layer(small_form()))
        .route(
            "/setup/{token}",
            get(sign_in::setup_page)
                .post(sign_in::setup)
                .layer(small_form()),
        )
        .route("/leads", get(leads::list))
        .route("/leads/export.csv", get(exports::export_csv))
        .route("/leads/export.xlsx", get(exports::export_xlsx))
        .route("/leads/{id}", get(leads::detail))
        .route("/leads/{id}/status", post(leads::set_status))
        .route("/leads/{id}/notes", post(leads::add_note))
        .route("/leads/{id}/assign", post(leads::assign))
        .route(
            "/leads/{id}/reply",
            post(leads::reply).layer(axum::extract::DefaultBodyLimit::max(
                leads::REPLY_FORM_MAX_BYTES,
            )),
        )
        .route("/leads/{id}/documents/{doc}", get(leads::document))
        .route("/funnel", get(reports::funnel))
        .route("/audit", get(reports::audit))
        .route("/rujukan", get(referrals::index))
        .route("/rujukan/{offer}/terima", post(referrals::accept))
        .route("/rujukan/{offer}/tolak", post(referrals::decline))
        .route("/kampanye", get(campaigns::list))
        .route(
            "/kampanye/baru",
            get(campaigns::new_form).post(campaigns::create),
        )
        .route("/kampanye/{id}", get(campaigns::show))
        .route("/kampanye/{id}/uji", post(campaigns::test_send))
        .route("/kampanye/{id}/jadwal", post(campaigns::schedule))
        .route("/kampanye/{id}/jeda", post(campaigns::pause))
        .route("/kampanye/{id}/lanjut", post(campaigns::resume))
        .route("/kampanye/{id}/batal", post(campaigns::cancel))
        .route("/kampanye/{id}/hasil.csv", get(campaigns::results_csv))
        .route("/kampanye/{id}/hasil.xlsx", get(campaigns::results_xlsx))
        .route(
            "/staff",
            get(staff::list)
                .post(staff::create)
                .layer(staff::form_limit()),
        )
        .route(
            "/staff/{id}/profile",
            post(staff::set_profile).layer(staff::form_limit()),
        )
        .route(
            "/staff/{id}/access",
            post(staff::set_access).layer(staff::form_limit()),
        )
        .route(
            "/staff/{id}/password-link",
            post(staff::password_link).layer(staff::form_limit()),
        )
        .route(
            "/staff/{id}/disable",
            post(staff::disable).layer(staff::form_limit()),
        )
        .route(
            "/staff/{id}/enable",
            post(staff::enable).layer(staff::form_limit()),
        )
        .route(
            "/staff/{id}/unlink",
            post(staff::unlink).layer(staff::form_limit()),
        )
        .route(
            "/staff/{id}/link-code",
            post(staff::link_code).layer(staff::form_limit()),
        )
        .route(
            "/kata-sandi/{token}",
            get(staff::password_page)
                .post(staff::set_password)
                .layer(small_form()),
        )
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            not_found_page,
        ))
        .layer(axum::middleware::from_fn(guard))
        .layer(axum::middleware::from_fn(lang::scope))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .with_state(state)
}

/// Sign-in forms are tiny: a bigger body is refused before it is read into memory.
fn small_form() -> axum::extract::DefaultBodyLimit {
    axum::extract::DefaultBodyLimit::max(sign_in::FORM_MAX_BYTES)
}

/// `/metrics` alone, for `PANDU_METRICS_ADDR`: an internal address needs no token.
pub fn metrics_router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(metrics::render))
        .with_state(state)
}

/// Pages load only this server's styles and images (campaign images may be any https
/// address); no scripts of ours run (connections go only here, for tools that drive a page),
/// no framing, forms post only here.
const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' https: data:; \
connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Each role's first page: outreach officers see no leads, so they start at their campaigns.
pub(crate) fn home_of(staff: &crate::access::Staff) -> &'static str {
    match staff.role {
        crate::access::Role::Outreach => "/kampanye",
        _ => "/",
    }
}

async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.service.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok\n"),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable\n")
        }
    }
}

/// Forms are accepted only from our own pages (the browser says where a POST comes from), which
/// also covers the login form that has no session token yet; pages cannot be framed, and
/// nothing personal stays in the browser cache.
async fn guard(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if request.method() == axum::http::Method::POST && !same_origin(request.headers()) {
        tracing::warn!("dashboard: cross-site form refused");
        return StatusCode::FORBIDDEN.into_response();
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_FRAME_OPTIONS,
        header::HeaderValue::from_static("DENY"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(header::HeaderValue::from_static("no-store"));
    // A handler with stricter needs (a served document) sets its own.
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(header::HeaderValue::from_static(CSP));
    response
}

/// `Sec-Fetch-Site` when the browser sends it, otherwise `Origin` against `Host`; requests
/// with neither (scripts, old browsers) are let through, the session's CSRF token still applies.
fn same_origin(headers: &axum::http::HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    match (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .is_some_and(|(_, rest)| rest == host),
        (Some(_), None) => false,
        (None, _) => true,
    }
}

/// A bare 404 (a lead outside scope, an unknown id) becomes a readable page; the status stays.
async fn not_found_page(
    State(state): State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::NOT_FOUND
        || response.headers().contains_key(header::CONTENT_TYPE)
    {
        return response;
    }
    let body = maud::html! { p { (state.t("dash-not-found")) } p { a href="/leads" { (state.t("dash-nav-leads")) } } };
    (
        StatusCode::NOT_FOUND,
        layout::page(&state, "404", None, body),
    )
        .into_response()
}

async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        include_str!("app.css"),
    )
}
