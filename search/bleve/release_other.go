//go:build !linux

package bleve

// releaseMapped does nothing where mapped pages are not released.
func releaseMapped(string) {}
