package files

import (
	"os"
	"path/filepath"
	"runtime"
)

// DefaultDBPath is where the GUI and the command line keep the database
// when --db is not given: $XDG_DATA_HOME/ChannelDesk (~/.local/share) on
// Linux, the user's config folder on Windows and macOS.
func DefaultDBPath() (string, error) {
	var dir string
	switch runtime.GOOS {
	case "windows", "darwin":
		cfg, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		dir = cfg
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if dir == "" {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", err
			}
			dir = filepath.Join(home, ".local", "share")
		}
	}
	return filepath.Join(dir, "ChannelDesk", "channeldesk.db"), nil
}
