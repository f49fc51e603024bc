package team

import (
	"github.com/zalando/go-keyring"
)

// keychainService names ChannelDesk's entries in the operating system's
// keychain (Windows Credential Manager, macOS Keychain, the Secret Service
// on Linux).
const keychainService = "ChannelDesk team"

// KeychainPassword is the password kept for a server URL (without
// password), or "" when there is none or no keychain (then PGPASSWORD and
// ~/.pgpass apply, or the caller asks).
func KeychainPassword(url string) string {
	p, err := keyring.Get(keychainService, url)
	if err != nil {
		return ""
	}
	return p
}

// rememberPassword keeps a password in the keychain; without a keychain
// it is simply not kept (never in the database file).
func rememberPassword(url, password string) bool {
	if password == "" {
		return false
	}
	return keyring.Set(keychainService, url, password) == nil
}

// ForgetPassword removes a server's password from the keychain.
func ForgetPassword(url string) { keyring.Delete(keychainService, url) }
