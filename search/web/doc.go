// Package web is Faro's HTTP layer: the JSON API of the public contract
// (/api/v1/search, /api/v1/documents/{id}, /api/v1/taxonomy), the original
// files (/documents/{id}/file), health checks, and the server-rendered search
// page with its document pages. It is the only package that imports gin and
// depends on search.Index alone.
package web
