// Package transfer reads proposal files for import and writes exports:
// CSV (UTF-8 or Windows-1252, ";" or "," separated, Danish number formats),
// XLSX and JSON Lines. The columns of an export can be imported again, so
// a bank can be moved or edited in a spreadsheet and read back without loss.
//
// Readers turn a file into domain.ImportRow values and report what they
// cannot parse per row; the business rules are applied by domain.Service.Import.
package transfer
