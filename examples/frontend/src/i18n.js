// @ts-check
/**
 * The front end's own words in English, Dutch and French. Everything written by
 * editors (titles, statuses, errors) comes from the API in the reader's language.
 */

/** @typedef {"en" | "nl" | "fr"} Lang */

/** @type {readonly Lang[]} */
export const LANGS = ["en", "nl", "fr"];

const en = {
  siteName: "NGO CMS reference front end",
  skip: "Skip to content",
  mainNav: "Main",
  language: "Language",
  languageNames: { en: "English", nl: "Nederlands", fr: "Français" },
  loading: "Loading…",
  notFound: "This page does not exist or is not published in this language.",
  apiDown: "The content could not be loaded. Please try again later.",
  fallbackNotice: "Not translated into this language yet: shown in {language}.",
  outdatedNotice: "This translation may be out of date.",
  cases: "Cases",
  actions: "Urgent actions",
  rallies: "Rallies",
  search: "Search",
  searchLabel: "Search cases",
  status: "Status",
  country: "Country",
  anyStatus: "Any status",
  anyCountry: "Any country",
  apply: "Apply",
  resultCount: "{count} cases",
  resultCountOne: "1 case",
  noResults: "No case matches.",
  caseStatuses: {
    at_risk: "at risk",
    detained: "detained",
    sentenced: "sentenced",
    sentenced_to_death: "sentenced to death",
    released: "released",
    executed: "executed",
    died_in_custody: "died in custody",
  },
  detainedSince: "Detained since",
  placeOfDetention: "Place of detention",
  charges: "Charges",
  sentence: "Sentence",
  timeline: "Timeline",
  sources: "Sources",
  updates: "Updates",
  sourceLink: "source {n}",
  signatures: "{count} of {goal} signatures",
  signaturesNoGoal: "{count} signatures",
  signatureGoal: "Signatures collected",
  deadline: "Sign before {date}",
  signTitle: "Sign this urgent action",
  firstName: "First name",
  lastName: "Last name",
  email: "Email address",
  postcode: "Postcode (optional)",
  consentPrivacy: "I agree that my name and address are used for this action, as the privacy notice says.",
  consentContact: "Keep me informed about this campaign (optional).",
  sign: "Sign",
  sending: "Sending…",
  formErrors: "Please correct the following:",
  checkInbox: "Check your inbox",
  signingClosed: "This action is not open for signing.",
  confirmTitle: "Confirm your signature",
  confirmIntro: "Press the button to count your signature.",
  confirmButton: "Confirm my signature",
  confirmed: "Signature confirmed",
  backToAction: "Back to the action",
  upcoming: "Upcoming rallies",
  noRallies: "No rally planned at the moment.",
  addToCalendar: "Add to calendar",
  subscribe: "Subscribe to all rallies in your calendar app",
  subscribeHttps: "Calendar feed address (iCalendar)",
  previewBanner: "Preview of a draft: readers do not see this version.",
  previewFailed: "This preview link is not valid or has expired. Press Preview in the editor again.",
  relatedCases: "Related cases",
  addressee: "Addressed to",
};

/** @typedef {typeof en} Strings */

/** @type {Record<Lang, Strings>} */
export const STRINGS = {
  en,
  nl: {
    siteName: "Referentie-front-end van NGO CMS",
    skip: "Naar de inhoud",
    mainNav: "Hoofdmenu",
    language: "Taal",
    languageNames: { en: "English", nl: "Nederlands", fr: "Français" },
    loading: "Bezig met laden…",
    notFound: "Deze pagina bestaat niet of is niet gepubliceerd in deze taal.",
    apiDown: "De inhoud kon niet geladen worden. Probeer het later opnieuw.",
    fallbackNotice: "Nog niet in het Nederlands vertaald: getoond in het {language}.",
    outdatedNotice: "Deze vertaling is misschien niet meer actueel.",
    cases: "Zaken",
    actions: "Dringende acties",
    rallies: "Manifestaties",
    search: "Zoeken",
    searchLabel: "Zaken zoeken",
    status: "Status",
    country: "Land",
    anyStatus: "Elke status",
    anyCountry: "Elk land",
    apply: "Toepassen",
    resultCount: "{count} zaken",
    resultCountOne: "1 zaak",
    noResults: "Geen enkele zaak komt overeen.",
    caseStatuses: {
      at_risk: "in gevaar",
      detained: "gevangen",
      sentenced: "veroordeeld",
      sentenced_to_death: "ter dood veroordeeld",
      released: "vrijgelaten",
      executed: "geëxecuteerd",
      died_in_custody: "in hechtenis overleden",
    },
    detainedSince: "Gevangen sinds",
    placeOfDetention: "Plaats van detentie",
    charges: "Aanklacht",
    sentence: "Straf",
    timeline: "Tijdlijn",
    sources: "Bronnen",
    updates: "Nieuws",
    sourceLink: "bron {n}",
    signatures: "{count} van {goal} handtekeningen",
    signaturesNoGoal: "{count} handtekeningen",
    signatureGoal: "Verzamelde handtekeningen",
    deadline: "Teken vóór {date}",
    signTitle: "Teken deze dringende actie",
    firstName: "Voornaam",
    lastName: "Achternaam",
    email: "E-mailadres",
    postcode: "Postcode (niet verplicht)",
    consentPrivacy: "Ik ga ermee akkoord dat mijn naam en adres voor deze actie gebruikt worden, zoals de privacyverklaring zegt.",
    consentContact: "Houd me op de hoogte van deze campagne (niet verplicht).",
    sign: "Tekenen",
    sending: "Bezig met versturen…",
    formErrors: "Verbeter het volgende:",
    checkInbox: "Kijk in je mailbox",
    signingClosed: "Deze actie kan nu niet getekend worden.",
    confirmTitle: "Bevestig je handtekening",
    confirmIntro: "Druk op de knop om je handtekening te laten meetellen.",
    confirmButton: "Mijn handtekening bevestigen",
    confirmed: "Handtekening bevestigd",
    backToAction: "Terug naar de actie",
    upcoming: "Komende manifestaties",
    noRallies: "Er is op dit moment geen manifestatie gepland.",
    addToCalendar: "Toevoegen aan agenda",
    subscribe: "Abonneer je in je agenda-app op alle manifestaties",
    subscribeHttps: "Adres van de agendafeed (iCalendar)",
    previewBanner: "Voorbeeld van een concept: lezers zien deze versie niet.",
    previewFailed: "Deze voorbeeldlink is ongeldig of verlopen. Druk opnieuw op Voorbeeld in de editor.",
    relatedCases: "Verwante zaken",
    addressee: "Gericht aan",
  },
  fr: {
    siteName: "Front-end de référence de NGO CMS",
    skip: "Aller au contenu",
    mainNav: "Menu principal",
    language: "Langue",
    languageNames: { en: "English", nl: "Nederlands", fr: "Français" },
    loading: "Chargement…",
    notFound: "Cette page n’existe pas ou n’est pas publiée dans cette langue.",
    apiDown: "Le contenu n’a pas pu être chargé. Veuillez réessayer plus tard.",
    fallbackNotice: "Pas encore traduit en français : affiché en {language}.",
    outdatedNotice: "Cette traduction n’est peut-être plus à jour.",
    cases: "Affaires",
    actions: "Actions urgentes",
    rallies: "Rassemblements",
    search: "Rechercher",
    searchLabel: "Rechercher des affaires",
    status: "Statut",
    country: "Pays",
    anyStatus: "Tous les statuts",
    anyCountry: "Tous les pays",
    apply: "Appliquer",
    resultCount: "{count} affaires",
    resultCountOne: "1 affaire",
    noResults: "Aucune affaire ne correspond.",
    caseStatuses: {
      at_risk: "en danger",
      detained: "détenu·e",
      sentenced: "condamné·e",
      sentenced_to_death: "condamné·e à mort",
      released: "libéré·e",
      executed: "exécuté·e",
      died_in_custody: "mort·e en détention",
    },
    detainedSince: "Détenu·e depuis",
    placeOfDetention: "Lieu de détention",
    charges: "Chefs d’accusation",
    sentence: "Peine",
    timeline: "Chronologie",
    sources: "Sources",
    updates: "Actualités",
    sourceLink: "source {n}",
    signatures: "{count} signatures sur {goal}",
    signaturesNoGoal: "{count} signatures",
    signatureGoal: "Signatures recueillies",
    deadline: "Signez avant le {date}",
    signTitle: "Signez cette action urgente",
    firstName: "Prénom",
    lastName: "Nom",
    email: "Adresse e-mail",
    postcode: "Code postal (facultatif)",
    consentPrivacy: "J’accepte que mon nom et mon adresse soient utilisés pour cette action, comme le dit la politique de confidentialité.",
    consentContact: "Tenez-moi informé·e de cette campagne (facultatif).",
    sign: "Signer",
    sending: "Envoi…",
    formErrors: "Veuillez corriger ce qui suit :",
    checkInbox: "Consultez votre boîte de réception",
    signingClosed: "Cette action n’est pas ouverte à la signature.",
    confirmTitle: "Confirmez votre signature",
    confirmIntro: "Appuyez sur le bouton pour que votre signature soit comptée.",
    confirmButton: "Confirmer ma signature",
    confirmed: "Signature confirmée",
    backToAction: "Retour à l’action",
    upcoming: "Rassemblements à venir",
    noRallies: "Aucun rassemblement n’est prévu pour le moment.",
    addToCalendar: "Ajouter à l’agenda",
    subscribe: "S’abonner à tous les rassemblements dans votre agenda",
    subscribeHttps: "Adresse du flux d’agenda (iCalendar)",
    previewBanner: "Aperçu d’un brouillon : les lecteurs ne voient pas cette version.",
    previewFailed: "Ce lien d’aperçu n’est pas valable ou a expiré. Appuyez à nouveau sur Aperçu dans l’éditeur.",
    relatedCases: "Affaires liées",
    addressee: "Destinataire",
  },
};

/**
 * `template` with each `{name}` replaced by `values[name]`.
 * @param {string} template
 * @param {Record<string, string | number>} values
 * @returns {string}
 */
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    name in values ? String(values[name]) : whole,
  );
}

/**
 * The language of the URL (`?lang=`), else the browser's first supported one.
 * @param {URLSearchParams} params
 * @returns {Lang}
 */
export function pickLang(params) {
  const asked = params.get("lang");
  /** @param {string | null | undefined} code @returns {code is Lang} */
  const known = (code) => LANGS.includes(/** @type {Lang} */ (code));
  if (known(asked)) return asked;
  for (const tag of navigator.languages || []) {
    const code = tag.slice(0, 2).toLowerCase();
    if (known(code)) return code;
  }
  return "en";
}
