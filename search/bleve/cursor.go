package bleve

import (
	"encoding/base64"
	"encoding/json"

	"faro/search"
)

// cursor is what a NextCursor holds: the sort it belongs to, the sort
// values of the last hit (for bleve's search_after or the text table's
// equivalent) and which of the two scored it: scores are on each one's
// scale, so a cursor is followed by the path that made it.
type cursor struct {
	Sort   search.Sort `json:"s"`
	Values []string    `json:"v"`
	// Path is pathTextTable for the text table, "" for bleve's searchers.
	Path string `json:"p,omitempty"`
}

// pathTextTable marks a cursor of the text table.
const pathTextTable = "t"

func encodeCursor(sort search.Sort, values []string, path string) string {
	if sort == "" {
		sort = search.SortRelevance
	}
	b, _ := json.Marshal(cursor{Sort: sort, Values: values, Path: path})
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor returns a cursor's values and the path that made it.
func decodeCursor(s string, sort search.Sort) ([]string, string, error) {
	if sort == "" {
		sort = search.SortRelevance
	}
	bad := &search.QueryError{Msg: "cursor is not valid: use the next_cursor of a previous result", Pos: -1}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, "", bad
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil || len(c.Values) == 0 || (c.Path != "" && c.Path != pathTextTable) {
		return nil, "", bad
	}
	if c.Sort != sort {
		return nil, "", &search.QueryError{Msg: "cursor belongs to sort " + string(c.Sort) + ", not " + string(sort), Pos: -1}
	}
	return c.Values, c.Path, nil
}
