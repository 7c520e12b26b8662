// Package domain holds the idea bank's vocabulary, rules and use cases.
//
// It imports only the standard library: storage (package store), search
// (package search) and the HTTP and HTML edges (packages api and frontend)
// depend on it, never the other way round.
//
// Glossary (Danish → identifier):
//
//	kommune                      Municipality
//	indbyggertal                 Population
//	forslag                      Proposal
//	fagområde                    PolicyArea
//	type af tiltag               MeasureType
//	dokumentation                EvidenceLevel
//	besparelse                   Saving (one year of the phase-in profile)
//	fuld effekt                  FullEffectDKK
//	besparelse pr. indbygger     PerResident (øre per resident)
//	tilbagebetalingstid          PaybackYears
//	anvendelse                   Adoption
//	medarbejder / redaktør       RoleStaff / RoleEditor
//	revision / historik          Revision
package domain
