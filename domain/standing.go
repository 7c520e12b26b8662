package domain

import (
	"context"
	"slices"
)

// Standing is a municipality's place in a ranking of municipalities by
// summed per-resident figure (every budget year).
type Standing struct {
	Kind  PeerKind // "" for the national ranking
	Label string   // the peer group's Danish label; "Hele landet" nationally
	Rank  int      // 1-based
	Of    int      // municipalities ranked
}

// MunicipalityStanding is a municipality's profile with its rank nationally
// and within each of its peer groups, and the ideas it adopted.
type MunicipalityStanding struct {
	MunicipalityProfile
	National  Standing
	Peers     []Standing // one per PeerKinds entry
	Adoptions *MunicipalityAdoptions
}

// MunicipalityStanding returns the profile of municipality code with its
// ranks; ErrNotFound for an unknown code.
func (s *Service) MunicipalityStanding(ctx context.Context, code string) (*MunicipalityStanding, error) {
	prof, err := s.MunicipalityProfile(ctx, code)
	if err != nil {
		return nil, err
	}
	ranking, err := s.RankMunicipalities(ctx, MunicipalityRankFilter{})
	if err != nil {
		return nil, err
	}
	all := make([]Municipality, len(ranking.Items))
	for i, r := range ranking.Items {
		all[i] = r.Municipality
	}
	anchor, err := findIn(all, code)
	if err != nil {
		return nil, err
	}
	adoptions, err := s.MunicipalityAdoptions(ctx, code)
	if err != nil {
		return nil, err
	}
	st := &MunicipalityStanding{
		MunicipalityProfile: *prof,
		National:            standingIn(ranking.Items, all, code, ""),
		Adoptions:           adoptions,
	}
	st.National.Label = "Hele landet"
	for _, k := range PeerKinds {
		g := PeerGroupOf(all, anchor, k)
		peer := standingIn(ranking.Items, g.Members, code, k)
		peer.Label = g.Label
		st.Peers = append(st.Peers, peer)
	}
	return st, nil
}

// standingIn returns code's place in ranked (best first) counting only members.
func standingIn(ranked []MunicipalityRank, members []Municipality, code string, kind PeerKind) Standing {
	st := Standing{Kind: kind, Of: len(members)}
	for _, r := range ranked {
		if !slices.ContainsFunc(members, func(m Municipality) bool { return m.Code == r.Municipality.Code }) {
			continue
		}
		st.Rank++
		if r.Municipality.Code == code {
			break
		}
	}
	return st
}
