package api

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// accessLog writes one structured line per request, after the central error
// handler has chosen the status. Error details are logged by the error
// handler (once, for internal errors only), never here.
func (s *Server) accessLog() echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		HandleError:  true,
		LogMethod:    true,
		LogURI:       true,
		LogStatus:    true,
		LogLatency:   true,
		LogRemoteIP:  true,
		LogRequestID: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			s.log.LogAttrs(c.Request().Context(), slog.LevelInfo, "request",
				slog.String("request_id", v.RequestID),
				slog.String("method", v.Method),
				slog.String("uri", v.URI),
				slog.Int("status", v.Status),
				slog.Duration("latency", v.Latency),
				slog.String("remote_ip", v.RemoteIP),
			)
			return nil
		},
	})
}

// panicError turns a recovered panic into an error carrying the stack, which
// the central error handler logs (once) and answers with a generic 500.
func panicError(_ echo.Context, err error, stack []byte) error {
	return fmt.Errorf("api: panic: %w\n%s", err, stack)
}

// deadline gives every request a deadline; the request's context, which the
// handlers pass to the service, carries it down to the database.
func (s *Server) deadline(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		timeout := s.timeout
		if c.Path() == routeImports {
			timeout = max(timeout, importTimeout) // a file of thousands of rows
		}
		ctx, cancel := context.WithTimeout(c.Request().Context(), timeout)
		defer cancel()
		c.SetRequest(c.Request().WithContext(ctx))
		return next(c)
	}
}
