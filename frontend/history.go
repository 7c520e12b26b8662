package frontend

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/idebank/idebank/domain"
)

// fieldLabels are the Danish names of the fields a revision can change.
var fieldLabels = map[string]string{
	"status": "Status", "title": "Titel", "summary": "Resumé", "description": "Beskrivelse",
	"policy_area": "Fagområde", "measure_type": "Type af tiltag", "municipality_code": "Kommunekode",
	"budget_year": "Budgetår", "savings": "Besparelsesprofil", "investment_dkk": "Investering",
	"reduces_service": "Sænker serviceniveauet", "evidence_level": "Dokumentation", "tags": "Nøgleord",
	"contact": "Kontakt", "external_key": "Ekstern nøgle", "full_effect_dkk": "Fuld effekt",
	"population_used": "Indbyggertal brugt", "population_year": "Indbyggertal fra år",
	"per_resident_dkk": "Besparelse pr. indbygger", "reject_reason": "Begrundelse for afvisning",
	"merged_into": "Lagt sammen med", "adoption_count": "Antal kommuner, der bruger den",
	"published_at": "Offentliggjort",
}

// actionNames are the Danish names of audit actions.
var actionNames = map[domain.Action]string{
	domain.ActionCreate: "Oprettet", domain.ActionEdit: "Redigeret", domain.ActionDelete: "Slettet",
	domain.ActionSubmit: "Sendt til redaktionen", domain.ActionPublish: "Offentliggjort",
	domain.ActionReject: "Afvist", domain.ActionArchive: "Arkiveret", domain.ActionMerge: "Lagt sammen med et andet",
	domain.ActionMergedFrom: "Et andet forslag er lagt ind i dette",
}

// maxHistoryText is how much of a long text a history row shows.
const maxHistoryText = 300

// fieldLabel returns the Danish name of a field.
func fieldLabel(field string) string {
	if l, ok := fieldLabels[field]; ok {
		return l
	}
	return field
}

// actionName returns the Danish name of an audit action.
func actionName(a domain.Action) string {
	if n, ok := actionNames[a]; ok {
		return n
	}
	return string(a)
}

// historyValue formats one value of a revision diff for reading.
func historyValue(field string, v any) string {
	switch x := v.(type) {
	case nil:
		return "–"
	case string:
		switch field {
		case "policy_area":
			return domain.Label(domain.PolicyAreas, x)
		case "measure_type":
			return domain.Label(domain.MeasureTypes, x)
		case "evidence_level":
			return domain.Label(domain.EvidenceLevels, x)
		}
		if x == "" {
			return "–"
		}
		return shorten(x, maxHistoryText)
	case domain.Status:
		return domain.Label(domain.StatusLabels, string(x))
	case int64:
		switch {
		case field == "per_resident_dkk":
			return perResident(x)
		case strings.HasSuffix(field, "_dkk"):
			return domain.FormatKroner(x)
		}
		return strings.TrimSuffix(domain.FormatKroner(x), " kr.")
	case int:
		return strconv.Itoa(x)
	case bool:
		if x {
			return "Ja"
		}
		return "Nej"
	case []string:
		if len(x) == 0 {
			return "–"
		}
		return strings.Join(x, ", ")
	case []domain.Saving:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = fmt.Sprintf("%d: %s", s.Year, domain.FormatKroner(s.AmountDKK))
		}
		return strings.Join(parts, "; ")
	case *domain.Contact:
		if x == nil {
			return "–"
		}
		return strings.TrimPrefix(x.Role+", "+x.Email, ", ")
	case *time.Time:
		return danishDate(x)
	}
	return fmt.Sprint(v)
}
