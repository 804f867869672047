use leptos::prelude::*;

use crate::api::model::Provider;
use crate::messages as m;
use crate::ui::ProviderMark;

/// The "Calendar provider" radio group: one radio per provider, named by the provider's name,
/// with a mark for its calendar type. Providers that cannot connect by OAuth stay selectable
/// (the person's choice is kept) and say how they connect instead.
///
/// ```ignore
/// let selected = RwSignal::new(None::<String>);
/// view! { <ProviderPicker providers=list selected=selected group="cc1-provider".to_owned() /> }
/// ```
#[component]
pub fn ProviderPicker(
    /// Providers from List Providers (those without an ID are left out: they cannot be chosen).
    providers: Vec<Provider>,
    /// The chosen provider ID, shared with the rest of the widget.
    #[prop(into)]
    selected: RwSignal<Option<String>>,
    /// Unique prefix for element IDs and the radio `name` of this widget instance.
    group: String,
) -> impl IntoView {
    let legend_id = format!("{group}-legend");
    let items = providers
        .into_iter()
        .filter_map(|provider| {
            let id = provider.id.clone().filter(|id| !id.is_empty())?;
            Some((id, provider))
        })
        .enumerate()
        .map(|(index, (id, provider))| {
            let input_id = format!("{group}-{index}");
            let hint_id = format!("{input_id}-hint");
            let hint = (!provider.connects_by_oauth()).then(|| {
                if provider.connects_by_credentials() {
                    m::connects_with_credentials()
                } else {
                    m::cannot_connect_here()
                }
            });
            let name = provider
                .name
                .clone()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| m::unnamed_provider().to_owned());
            let checked_id = id.clone();
            view! {
                <li class="cc-provider">
                    <input
                        type="radio"
                        id=input_id.clone()
                        name=group.clone()
                        value=id.clone()
                        prop:checked=move || selected.get().as_deref() == Some(checked_id.as_str())
                        on:change=move |_| selected.set(Some(id.clone()))
                        aria-describedby=hint.map(|_| hint_id.clone())
                    />
                    <label for=input_id>
                        <ProviderMark calendar_type=provider.calendar_type />
                        <span class="cc-provider__name">{name}</span>
                    </label>
                    {hint.map(|text| view! { <p id=hint_id class="cc-hint">{text}</p> })}
                </li>
            }
        })
        .collect_view();
    let labelled_by = legend_id.clone();
    view! {
        <fieldset class="cc-providers" role="radiogroup" aria-labelledby=labelled_by>
            <legend id=legend_id>{m::provider_legend()}</legend>
            <ul class="cc-provider-list">{items}</ul>
        </fieldset>
    }
}
