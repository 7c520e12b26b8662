package domain

import "time"

// Role is what a user may do; each role may do everything the one before it may.
type Role string

// The roles, from least to most privileged. RolePublic is an anonymous caller.
const (
	RolePublic Role = "public"
	RoleStaff  Role = "staff"
	RoleEditor Role = "editor"
	RoleAdmin  Role = "admin"
)

func (r Role) rank() int {
	switch r {
	case RoleStaff:
		return 1
	case RoleEditor:
		return 2
	case RoleAdmin:
		return 3
	}
	return 0
}

// Valid reports whether r is a role a user can have.
func (r Role) Valid() bool { return r == RoleStaff || r == RoleEditor || r == RoleAdmin }

// AtLeast reports whether r may do everything min may.
func (r Role) AtLeast(min Role) bool { return r.rank() >= min.rank() }

// User is a person (or program) who logs in.
type User struct {
	ID               string
	Email            string
	Role             Role
	MunicipalityCode string // staff only
	PasswordHash     string
	CreatedAt        time.Time
}

// Token is an API token; only a hash of its secret is stored.
type Token struct {
	ID        string
	UserID    string
	Name      string
	Hash      string
	CreatedAt time.Time
}

// Principal is who is calling: a user, or the anonymous public (zero value).
type Principal struct {
	UserID           string
	Email            string
	Role             Role
	MunicipalityCode string
}

// Public is the anonymous caller.
var Public = Principal{Role: RolePublic}

// PrincipalOf returns the principal acting as u.
func PrincipalOf(u *User) Principal {
	return Principal{UserID: u.ID, Email: u.Email, Role: u.Role, MunicipalityCode: u.MunicipalityCode}
}

// IsEditor reports whether p curates the bank (editor or admin).
func (p Principal) IsEditor() bool { return p.Role.AtLeast(RoleEditor) }

// IsStaffOf reports whether p is staff of municipality code.
func (p Principal) IsStaffOf(code string) bool {
	return p.Role == RoleStaff && p.MunicipalityCode == code
}

// System is the principal for command-line and start-up work (imports,
// demo data): it acts with editor rights and is recorded as "system".
var System = Principal{UserID: "", Email: "system", Role: RoleAdmin}
