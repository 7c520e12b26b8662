package domain

import "context"

// MunicipalityProfile is a municipality with its published-proposal figures.
type MunicipalityProfile struct {
	Municipality
	MunicipalityStats
}

// ListMunicipalities returns all 98 municipalities, by code.
func (s *Service) ListMunicipalities(ctx context.Context) ([]Municipality, error) {
	return s.Municipalities.ListMunicipalities(ctx)
}

// MunicipalityProfile returns one municipality with its published figures.
func (s *Service) MunicipalityProfile(ctx context.Context, code string) (*MunicipalityProfile, error) {
	m, err := s.Municipalities.FindMunicipality(ctx, code)
	if err != nil {
		return nil, err
	}
	st, err := s.Municipalities.MunicipalityStats(ctx, code)
	if err != nil {
		return nil, err
	}
	return &MunicipalityProfile{Municipality: *m, MunicipalityStats: st}, nil
}
