package webcookie_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/idebank/idebank/internal/webcookie"
)

func TestNewShapesTheCookieForTheScheme(t *testing.T) {
	tests := []struct {
		name   string
		secure bool
		maxAge time.Duration
		want   http.Cookie
	}{
		{"plain HTTP", false, time.Hour, http.Cookie{Name: "idebank_session", Value: "v", Path: "/", MaxAge: 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode}},
		{"TLS gets __Host- and Secure", true, time.Hour, http.Cookie{Name: "__Host-idebank_session", Value: "v", Path: "/", MaxAge: 3600, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}},
		{"negative age deletes", false, -1, http.Cookie{Name: "idebank_session", Value: "v", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := webcookie.New(tt.secure, webcookie.Session, "v", tt.maxAge)
			if diff := cmp.Diff(tt.want, *got); diff != "" {
				t.Errorf("cookie (-want +got):\n%s", diff)
			}
		})
	}
}
