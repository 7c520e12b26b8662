package demo

import "github.com/idebank/idebank/domain"

// Password is the shared password of every demo user. The demo users exist
// only so that a local or test installation can be tried out.
const Password = "demo-idebank-2025"

// UserSpec describes one demo user.
type UserSpec struct {
	Email            string
	Role             domain.Role
	MunicipalityCode string // staff only
}

// Users are the demo users: one admin, one KL editor and staff of
// Frederikssund and Aarhus, all on a fictive mail domain.
var Users = []UserSpec{
	{Email: "admin@demo.idebank.dk", Role: domain.RoleAdmin},
	{Email: "redaktoer@demo.idebank.dk", Role: domain.RoleEditor},
	{Email: "frederikssund@demo.idebank.dk", Role: domain.RoleStaff, MunicipalityCode: "250"},
	{Email: "aarhus@demo.idebank.dk", Role: domain.RoleStaff, MunicipalityCode: "751"},
}
