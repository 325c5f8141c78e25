package web

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"faro/search"
)

// ParseQuery reads a search.Query from URL parameters (see the API
// contract). Every problem is a *search.QueryError naming the parameter.
// The command line uses it too, so both validate alike.
func ParseQuery(v url.Values) (search.Query, error) {
	q := search.Query{
		Text:     strings.TrimSpace(v.Get("q")),
		Filters:  map[string][]string{},
		Page:     1,
		Size:     search.DefaultSize,
		Snippets: 3,
	}
	var err error
	if q.Page, err = intParam(v, "page", 1, 1, search.MaxDepth); err != nil {
		return q, err
	}
	if q.Size, err = intParam(v, "size", search.DefaultSize, 1, search.MaxSize); err != nil {
		return q, err
	}
	if (q.Page-1)*q.Size+q.Size > search.MaxDepth {
		return q, badParam("page", fmt.Sprintf("page × size must not exceed %d", search.MaxDepth))
	}
	if q.YearFrom, err = intParam(v, "year_from", 0, 1000, 9999); err != nil {
		return q, err
	}
	if q.YearTo, err = intParam(v, "year_to", 0, 1000, 9999); err != nil {
		return q, err
	}
	if q.YearFrom != 0 && q.YearTo != 0 && q.YearFrom > q.YearTo {
		return q, badParam("year_from", "year_from is after year_to")
	}
	q.Cursor = strings.TrimSpace(v.Get("cursor"))
	switch e := strings.ToLower(v.Get("explain")); e {
	case "", "0", "false":
	case "1", "true":
		q.Explain = true
	default:
		return q, badParam("explain", "must be 1 or 0, got "+strconv.Quote(e))
	}
	switch ty := v.Get("typos"); ty {
	case "", "1", "true":
	case "0", "false":
		q.NoTypos = true
	default:
		return q, badParam("typos", "must be 1 or 0, got "+strconv.Quote(ty))
	}
	switch m := strings.ToLower(v.Get("match")); m {
	case "", "some":
	case "all":
		q.AllWords = true
	default:
		return q, badParam("match", "must be all or some, got "+strconv.Quote(m))
	}
	switch s := v.Get("sort"); s {
	case "", "relevance":
		q.Sort = search.SortRelevance
	case "date_desc", "date_asc":
		q.Sort = search.Sort(s)
	default:
		return q, badParam("sort", "must be relevance, date_desc or date_asc, got "+strconv.Quote(s))
	}
	for _, f := range search.AllFacets() {
		for _, raw := range v[f.Name] {
			for _, val := range strings.Split(raw, ",") {
				val = strings.TrimSpace(val)
				if val == "" {
					continue
				}
				norm, err := f.Normalize(val)
				if err != nil {
					return q, badParam(f.Name, err.Error())
				}
				if !f.Known(norm) {
					return q, badParam(f.Name, fmt.Sprintf("unknown %s %q", f.Name, val))
				}
				q.Filters[f.Name] = appendUnique(q.Filters[f.Name], norm)
			}
		}
	}
	if len(q.Text) > search.MaxQueryLen {
		return q, badParam("q", fmt.Sprintf("query is longer than %d bytes", search.MaxQueryLen))
	}
	if _, err := search.ParseQuery(q.Text); err != nil {
		return q, err
	}
	return q, nil
}

func appendUnique(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, badParam(name, fmt.Sprintf("must be a whole number, got %q", s))
	}
	if n < lo || n > hi {
		return 0, badParam(name, fmt.Sprintf("must be between %d and %d, got %d", lo, hi, n))
	}
	return n, nil
}

func badParam(name, msg string) error {
	return &search.QueryError{Msg: "parameter " + name + ": " + msg, Pos: -1}
}
