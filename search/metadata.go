package search

// Metadata is the explicit metadata a user gives a document: the JSON of a
// NAME.meta.json sidecar file beside it in the corpus, or of the "metadata"
// field of an upload. What it gives beats what the classifier infers.
type Metadata struct {
	Title      string   `json:"title,omitempty"`
	Summary    string   `json:"summary,omitempty"`
	Year       int      `json:"year,omitempty"`
	Date       string   `json:"date,omitempty"`
	Type       string   `json:"type,omitempty"`
	Countries  []string `json:"countries,omitempty"`
	Themes     []string `json:"themes,omitempty"`
	GCM        []int    `json:"gcm,omitempty"`
	Principles []string `json:"principles,omitempty"`
	Lang       string   `json:"lang,omitempty"`
	SourceURL  string   `json:"source_url,omitempty"`
	Author     string   `json:"author,omitempty"`
	Publisher  string   `json:"publisher,omitempty"`
	// ListingURL is the web page that lists the document (with the title
	// and summary given here): the labels these give name it as their
	// source ("listing:URL"). `faro harvest` writes it.
	ListingURL string `json:"listing_url,omitempty"`
	// ListingLang is the language of the listing page: the document's
	// language when its text does not tell.
	ListingLang string `json:"listing_lang,omitempty"`
}
