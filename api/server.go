package api

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/idebank/idebank/domain"
)

// DefaultRequestTimeout is the deadline of a request when Options.RequestTimeout is zero.
const DefaultRequestTimeout = 10 * time.Second

// MaxBodyBytes is the largest request body accepted (1 MiB).
const MaxBodyBytes = 1 << 20

// Options configures a Server.
type Options struct {
	// Logger receives the access log and internal errors; nil discards them.
	Logger *slog.Logger
	// Ready reports whether the server can take traffic (database and search
	// index ready). A nil error means ready; an error's text is the reason
	// given by GET /readyz with 503. Nil means always ready.
	Ready func(ctx context.Context) error
	// RequestTimeout is the deadline of each request, passed on to the
	// service as the request's context (default DefaultRequestTimeout).
	RequestTimeout time.Duration
}

// Server is the HTTP API. It is an http.Handler.
type Server struct {
	svc            *domain.Service
	echo           *echo.Echo
	log            *slog.Logger
	ready          func(ctx context.Context) error
	timeout        time.Duration
	shape          *shapeValidator
	authenticators []authenticator
}

// NewServer returns the API serving svc with every route and middleware in place.
func NewServer(svc *domain.Service, o Options) *Server {
	s := &Server{
		svc:     svc,
		echo:    echo.New(),
		log:     o.Logger,
		ready:   o.Ready,
		timeout: o.RequestTimeout,
		shape:   newShapeValidator(),
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.timeout <= 0 {
		s.timeout = DefaultRequestTimeout
	}
	s.authenticators = []authenticator{s.bearerToken, s.sessionCookie}
	e := s.echo
	e.HideBanner, e.HidePort = true, true
	e.IPExtractor = echo.ExtractIPDirect()
	e.HTTPErrorHandler = s.handleError
	e.Use(
		middleware.RequestID(),
		s.accessLog(),
		middleware.RecoverWithConfig(middleware.RecoverConfig{LogErrorFunc: panicError}),
		middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{
			Limit:   strconv.Itoa(MaxBodyBytes),
			Skipper: func(c echo.Context) bool { return c.Path() == routeImports }, // limited by handleImport
		}),
		s.deadline,
		s.authenticate,
	)
	s.routes()
	return s
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.echo.ServeHTTP(w, r)
}

// Echo returns the router, so that the web UI can add its routes to it.
// Routes added there get the same middleware and error handling.
func (s *Server) Echo() *echo.Echo {
	return s.echo
}
