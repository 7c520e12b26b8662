package transfer

import "testing"

func TestParseWhole(t *testing.T) {
	tests := []struct {
		cell    string
		want    int64
		present bool
		err     error
	}{
		{"", 0, false, nil},
		{"1234567", 1234567, true, nil},
		{"1.234.567", 1234567, true, nil},
		{"1.234.567,00", 1234567, true, nil},
		{"1 234 567 kr.", 1234567, true, nil},
		{"1\u00a0234", 1234, true, nil},
		{"1.234", 1234, true, nil},
		{"300000.0", 300000, true, nil},
		{"1.5E6", 1500000, true, nil},
		{"-5", -5, true, nil},
		{"12,5", 0, true, errNotWhole},
		{"1.5", 0, true, errNotWhole},
		{"12.34.567", 0, true, errNotNumber},
		{"mange", 0, true, errNotNumber},
		{"1,234,567", 0, true, errNotNumber},
	}
	for _, tt := range tests {
		got, present, err := ParseWhole(tt.cell)
		if got != tt.want || present != tt.present || err != tt.err {
			t.Errorf("ParseWhole(%q) = %d, %v, %v; want %d, %v, %v", tt.cell, got, present, err, tt.want, tt.present, tt.err)
		}
	}
}

func TestParseBool(t *testing.T) {
	for cell, want := range map[string]bool{"ja": true, "Nej": false, "TRUE": true, "": false, "x": true, "0": false} {
		if got, err := ParseBool(cell); err != nil || got != want {
			t.Errorf("ParseBool(%q) = %v, %v; want %v", cell, got, err, want)
		}
	}
	if _, err := ParseBool("måske"); err == nil {
		t.Error("ParseBool(måske) gave no error")
	}
}

func TestFormatDecimal(t *testing.T) {
	for ore, want := range map[int64]string{1957: "19,57", 5: "0,05", 0: "0,00", -150: "-1,50"} {
		if got := formatDecimal(ore); got != want {
			t.Errorf("formatDecimal(%d) = %q, want %q", ore, got, want)
		}
	}
}
