//! The emulator's fake provider consent page, on the API's origin, where the person allows
//! or denies access (and a tester simulates the provider's other outcomes).

use crate::world::World;

/// The consent page the widget sent the browser to.
pub struct ConsentPage<'w> {
    world: &'w World,
}

impl<'w> ConsentPage<'w> {
    pub(crate) fn new(world: &'w World) -> Self {
        Self { world }
    }

    /// Grants access: the provider sends the browser back with a `connectionId`.
    pub async fn allow(&self) {
        self.press("Allow").await;
    }

    /// Refuses access: back with `error=reject`.
    pub async fn deny(&self) {
        self.press("Deny").await;
    }

    /// Back with `error=unsupported` (an account type the provider cannot sync).
    pub async fn simulate_unsupported(&self) {
        self.press("Simulate: unsupported account").await;
    }

    /// Back with `error=internal` (the provider failed).
    pub async fn simulate_internal(&self) {
        self.press("Simulate: internal error").await;
    }

    async fn press(&self, button: &str) {
        let element = self.world.find(None, &["button"], button).await;
        element
            .click()
            .await
            .unwrap_or_else(|error| panic!("clicking {button:?} on the consent page: {error}"));
    }
}
