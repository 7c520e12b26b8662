package transfer

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// errNotWhole means a number has a non-zero fraction.
var errNotWhole = errors.New("transfer: not a whole number")

// errNotNumber means a cell is not a number in any accepted format.
var errNotNumber = errors.New("transfer: not a number")

// ParseWhole parses a whole number written the Danish way ("1.234.567",
// "1.234.567,00", "1 234 567 kr."), plainly ("1234567", "1234567.0", as
// spreadsheets store numbers) or in E notation ("1.5E6"). A fraction must
// be zero. An empty cell is 0 and reported as absent.
func ParseWhole(cell string) (n int64, present bool, err error) {
	s := strings.TrimSpace(cell)
	for _, suffix := range []string{"kr.", "kr", "DKK", "dkk"} {
		s = strings.TrimSpace(strings.TrimSuffix(s, suffix))
	}
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(s)
	if s == "" {
		return 0, false, nil
	}
	neg := strings.HasPrefix(s, "-") || strings.HasPrefix(s, "\u2212")
	s = strings.TrimLeft(s, "-\u2212+")
	if strings.ContainsAny(s, "eE") {
		n, err := parseENotation(s)
		if neg {
			n = -n
		}
		return n, true, err
	}
	intPart, frac := s, ""
	if i := strings.LastIndex(s, ","); i >= 0 {
		intPart, frac = s[:i], s[i+1:]
	} else if i := strings.LastIndex(s, "."); i >= 0 && !isThousandsGrouped(s) {
		intPart, frac = s[:i], s[i+1:]
	}
	if strings.Contains(intPart, ".") {
		if !isThousandsGrouped(intPart) {
			return 0, true, errNotNumber
		}
		intPart = strings.ReplaceAll(intPart, ".", "")
	}
	if !allDigits(intPart) || (frac != "" && !allDigits(frac)) {
		return 0, true, errNotNumber
	}
	if strings.Trim(frac, "0") != "" {
		return 0, true, errNotWhole
	}
	n, err = strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return 0, true, errNotNumber
	}
	if neg {
		n = -n
	}
	return n, true, nil
}

func parseENotation(s string) (int64, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.Abs(f) > math.MaxInt64/2 {
		return 0, errNotNumber
	}
	if f != math.Trunc(f) {
		return 0, errNotWhole
	}
	return int64(f), nil
}

// isThousandsGrouped reports whether s is digits grouped by dots in
// threes: "1.234", "12.345.678".
func isThousandsGrouped(s string) bool {
	groups := strings.Split(s, ".")
	if len(groups) < 2 || len(groups[0]) < 1 || len(groups[0]) > 3 || !allDigits(groups[0]) {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !allDigits(g) {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// ParseBool reads yes/no cells in Danish or English: ja/nej, true/false,
// sand/falsk, 1/0, x (yes). An empty cell is false.
func ParseBool(cell string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(cell)) {
	case "", "nej", "false", "falsk", "0", "n", "no":
		return false, nil
	case "ja", "true", "sand", "1", "j", "y", "yes", "x":
		return true, nil
	}
	return false, errNotNumber
}

// formatDecimal writes øre as kroner with a decimal comma ("19,57"), the
// way Danish spreadsheets read CSV.
func formatDecimal(ore int64) string {
	sign := ""
	if ore < 0 {
		sign, ore = "-", -ore
	}
	return sign + strconv.FormatInt(ore/100, 10) + "," + strconv.FormatInt(100+ore%100, 10)[1:]
}
