// Package web is Faro's HTTP layer: the JSON API of the public contract
// (/api/v1/search, /api/v1/documents/{id}, /api/v1/facets/{name},
// /api/v1/taxonomy), citation exports, evidence packs and the Atom feed, the
// authenticated writes (uploads, deletions, reindex) behind a consumer-side
// Writer interface, the original files (/documents/{id}/file), health checks,
// Prometheus metrics, and the server-rendered search page with its document
// pages. It is the only package that imports gin and the Prometheus client,
// and it depends on search.Index, never on the indexer.
package web
