package bleve

import (
	"encoding/base64"
	"encoding/json"

	"faro/search"
)

// cursor is what a NextCursor holds: the sort it belongs to and the sort
// values of the last hit.
type cursor struct {
	Sort   search.Sort `json:"s"`
	Values []string    `json:"v"`
}

func encodeCursor(sort search.Sort, values []string) string {
	if sort == "" {
		sort = search.SortRelevance
	}
	b, _ := json.Marshal(cursor{Sort: sort, Values: values})
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor returns a cursor's values.
func decodeCursor(s string, sort search.Sort) ([]string, error) {
	if sort == "" {
		sort = search.SortRelevance
	}
	bad := &search.QueryError{Msg: "cursor is not valid: use the next_cursor of a previous result", Pos: -1}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, bad
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil || len(c.Values) == 0 {
		return nil, bad
	}
	if c.Sort != sort {
		return nil, &search.QueryError{Msg: "cursor belongs to sort " + string(c.Sort) + ", not " + string(sort), Pos: -1}
	}
	return c.Values, nil
}
