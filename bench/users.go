package bench

import (
	"context"
	"fmt"

	"github.com/idebank/idebank/domain"
)

// staffMunicipality is the municipality of the run's staff user (Aarhus).
const staffMunicipality = "751"

// users are a staff member and an editor with their API tokens.
type users struct {
	staff, editor           domain.Principal
	staffToken, editorToken string
}

// newUsers creates the run's users; tag keeps their emails apart.
func newUsers(ctx context.Context, svc *domain.Service, tag string) (users, error) {
	var u users
	for _, x := range []struct {
		role  domain.Role
		code  string
		p     *domain.Principal
		token *string
	}{
		{domain.RoleStaff, staffMunicipality, &u.staff, &u.staffToken},
		{domain.RoleEditor, "", &u.editor, &u.editorToken},
	} {
		email := fmt.Sprintf("bench-%s-%s@example.dk", tag, x.role)
		usr, err := svc.CreateUser(ctx, domain.System, domain.NewUserInput{Email: email, Role: x.role, MunicipalityCode: x.code, Password: "benchmark-password"})
		if err != nil {
			return u, fmt.Errorf("bench: create %s: %w", x.role, err)
		}
		*x.p = domain.PrincipalOf(usr)
		if *x.token, err = svc.CreateToken(ctx, domain.System, email, "bench"); err != nil {
			return u, fmt.Errorf("bench: token for %s: %w", x.role, err)
		}
	}
	return u, nil
}

// proposalInput is a valid proposal of the staff user's municipality.
func proposalInput(title string) domain.ProposalInput {
	return domain.ProposalInput{
		Title:            title,
		Summary:          "Visitationen af hjemmehjælp sker digitalt, så sagsbehandlingen går hurtigere.",
		Description:      "Borgerne søger digitalt.\n\nSagsbehandlerne bruger tiden på de svære sager, og hjemmeplejeruterne planlægges samlet.",
		PolicyArea:       "aeldre-og-sundhed",
		MeasureType:      "digitalisering",
		MunicipalityCode: staffMunicipality,
		BudgetYear:       2025,
		Savings:          []domain.Saving{{Year: 2025, AmountDKK: 300000}, {Year: 2026, AmountDKK: 900000}},
		InvestmentDKK:    250000,
		EvidenceLevel:    "decided",
		Tags:             []string{"visitation", "ældre"},
		Contact:          &domain.Contact{Role: "Økonomiafdelingen", Email: "oekonomi@aarhus.dk"},
	}
}
