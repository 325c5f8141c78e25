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
}
