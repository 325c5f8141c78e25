package web_test

import "testing"

func TestSuggest(t *testing.T) {
	srv := newServer(t)
	type sug struct {
		Text  string `json:"text"`
		Kind  string `json:"kind"`
		Value string `json:"value"`
		Count int    `json:"count"`
		URL   string `json:"url"`
	}
	var r struct{ Suggestions []sug }
	for _, tc := range []struct {
		path, text, kind string
	}{
		{"/api/v1/suggest?q=guat&lang=es", "Guatemala", "country"},
		{"/api/v1/suggest?q=hond", "Honduras", "country"},
		{"/api/v1/suggest?q=plan+you", "Plan your Life: campaign summary", "title"},
		{"/api/v1/suggest?q=hait", "Haiti", "country"},
	} {
		getJSON(t, srv, tc.path, 200, &r)
		found := false
		for _, s := range r.Suggestions {
			if s.Text == tc.text && s.Kind == tc.kind && s.Count > 0 && s.URL != "" {
				found = true
			}
		}
		if !found || len(r.Suggestions) > 8 {
			t.Errorf("%s: %+v, want %q (%s)", tc.path, r.Suggestions, tc.text, tc.kind)
		}
	}
	getJSON(t, srv, "/api/v1/suggest?q=", 200, &r)
	if len(r.Suggestions) != 0 {
		t.Errorf("empty prefix: %+v", r.Suggestions)
	}
	getJSON(t, srv, "/api/v1/suggest?q=zzzzqq", 200, &r)
	if len(r.Suggestions) != 0 {
		t.Errorf("nothing to suggest: %+v", r.Suggestions)
	}
}
