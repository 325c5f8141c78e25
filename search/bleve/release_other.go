//go:build !linux

package bleve

// releaseMapped does nothing where mapped pages are not released.
func releaseMapped(string) {}

// mappedResident is not known here.
func mappedResident(string) int64 { return 0 }

// residentMappings knows no mapping here.
func residentMappings(string, func(string, int64)) {}

// fileResident is not known here.
func fileResident() int64 { return 0 }

// releaseMappedFiles does nothing where mapped pages are not released.
func releaseMappedFiles([]string) {}
