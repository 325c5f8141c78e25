package texttable

// stats are the collection statistics a View scores with: BM25's N, each
// text field's average length and reciprocal length parts, and the first
// segments whose term dictionaries give a term's document frequency (the
// others' documents scored with those statistics).
//
// A write makes a new View (an upload adds a segment of one document).
// Statistics of the whole collection change by a few millionths with
// it, and yet every score would, so that no scored set kept in the match
// cache could serve the new View. A View that replaces another after a
// write changing few documents keeps its statistics instead (View.Inherit,
// at most a statsSlack-th of the documents added or deleted since they
// were taken), as Lucene counts deleted documents in its statistics until
// their segments merge: the words kept before the write then hold the
// same scores in the segments both Views share, and only the new
// segments are read (matchCache.inheritWords).
type stats struct {
	total uint64
	avg   map[string]float64
	norms map[string][]float64
	// segs is how many of the View's first segments count in document
	// frequencies: all but a tail of small segments (statsOf); live is
	// how many of their documents were live.
	segs int
	live uint64
}

// statsSlack bounds the documents added and deleted since a View's
// statistics were taken to a statsSlack-th of them: at 100k documents,
// a thousand uploads or deletions.
const statsSlack = 100

// statsOf takes v's statistics over all its segments; document
// frequencies count in all but the last segments when those hold no more
// than a statsSlack-th of the documents (uploads not merged yet): a merge
// of such segments then leaves the statistics in use (sharesStats).
func (v *View) statsOf() *stats {
	st := &stats{total: v.total, avg: map[string]float64{}, norms: map[string][]float64{}, segs: len(v.segs)}
	for tail := 0; st.segs > 1; st.segs-- {
		tail += v.segs[st.segs-1].docs
		if tail*statsSlack > v.docs {
			break
		}
	}
	st.live = v.liveBelow(v.prefixDocs(st.segs))
	if v.total == 0 {
		return st
	}
	for _, f := range v.schema.Text {
		var sum, holders uint64
		for _, s := range v.segs {
			if sf := s.fields[f.Name]; sf != nil {
				sum += sf.lengthSum
				holders += sf.holders
			}
		}
		if holders > 0 {
			avg := float64(sum) / float64(holders)
			st.avg[f.Name] = avg
			st.norms[f.Name] = normsOf(b / avg)
		}
	}
	return st
}

// sharesStats reports whether v, which begins with shared of old's
// segments, may score with old's statistics: their segments are among the
// shared ones, and the documents of the others (added since, or the small
// segments statsOf left out) and those deleted since are few.
func (v *View) sharesStats(old *View, shared int) bool {
	st := old.st
	if st == nil || st.segs == 0 || st.segs > shared {
		return false
	}
	prefix := v.prefixDocs(st.segs)
	tail := uint64(v.docs) - uint64(prefix)
	live := v.liveBelow(prefix)
	if live > st.live {
		return false // documents undeleted: not the same segments
	}
	return (tail+st.live-live)*statsSlack <= st.total
}

// prefixDocs returns the documents of v's first n segments.
func (v *View) prefixDocs(n int) uint32 {
	if n == 0 {
		return 0
	}
	return v.base[n-1] + uint32(v.segs[n-1].docs)
}

// liveBelow counts v's live documents below n.
func (v *View) liveBelow(n uint32) uint64 { return uint64(countBelow(v.live, n)) }
