package files

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"channeldesk/data"
)

// KeepDaily is how many automatic daily backups are kept.
const KeepDaily = 14

// BackupInfo is one backup file in the backups folder of a database.
type BackupInfo struct {
	Path   string
	Time   time.Time // when it was made (UTC, from its name)
	Reason string    // daily, manual, premigrate, prerestore…
	Size   int64
}

var backupName = regexp.MustCompile(`-(\d{8}-\d{6})-([a-z]+)(-\d+)?\.db$`)

// ListBackups returns the backups of the database at dbPath, newest first.
// A missing backups folder is an empty list.
func ListBackups(dbPath string) ([]BackupInfo, error) {
	dir := data.BackupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	prefix := strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath)) + "-"
	var out []BackupInfo
	for _, e := range entries {
		name := e.Name()
		m := backupName.FindStringSubmatch(name)
		if m == nil || !strings.HasPrefix(name, prefix) || len(name) != len(prefix)+len(m[0])-1 || e.IsDir() {
			continue
		}
		t, err := time.Parse("20060102-150405", m[1])
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, BackupInfo{Path: filepath.Join(dir, name), Time: t, Reason: m[2], Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Time.Equal(out[j].Time) {
			return out[i].Time.After(out[j].Time)
		}
		return out[i].Path > out[j].Path
	})
	return out, nil
}

// DailyBackup makes the day's automatic backup unless one was already made
// today (UTC, by the store's clock), then keeps only the newest KeepDaily
// daily backups. It returns the new file, or "" when none was needed.
func DailyBackup(s *data.Store) (string, error) {
	list, err := ListBackups(s.Path())
	if err != nil {
		return "", err
	}
	today := s.Now().UTC().Format(time.DateOnly)
	for _, b := range list {
		if b.Reason == "daily" && b.Time.Format(time.DateOnly) == today {
			return "", nil
		}
	}
	path, err := s.Backup(data.BackupDir(s.Path()), "daily")
	if err != nil {
		return "", err
	}
	return path, PruneDaily(s.Path(), KeepDaily)
}

// PruneDaily deletes daily backups beyond the newest keep. Backups made
// by hand, before a migration or before a restore are never pruned.
func PruneDaily(dbPath string, keep int) error {
	list, err := ListBackups(dbPath)
	if err != nil {
		return err
	}
	n := 0
	for _, b := range list {
		if b.Reason != "daily" {
			continue
		}
		if n++; n > keep {
			if err := os.Remove(b.Path); err != nil {
				return err
			}
		}
	}
	return nil
}

// BackupNow makes a backup by hand into the backups folder.
func BackupNow(s *data.Store) (string, error) {
	return s.Backup(data.BackupDir(s.Path()), "manual")
}

// Restore replaces the store's data with the backup at path: the backup is
// checked, the current database is backed up first ("prerestore", whose
// path is returned), then the file is replaced and the store reopened on
// the restored data.
func Restore(s *data.Store, path string) (string, error) {
	if err := data.CheckFile(path); err != nil {
		return "", err
	}
	safety, err := s.Backup(data.BackupDir(s.Path()), "prerestore")
	if err != nil {
		return "", err
	}
	return safety, s.ReplaceWith(path)
}

// BackupFile writes a consistent copy of the database to out, which must
// not exist. The copy is made in a private temporary folder beside out and
// moved into place when complete, so a failure (a full disk) leaves no
// partial file; the result is readable only by the user. A refusal of the
// system comes back as a *data.FileError naming out.
func BackupFile(ctx context.Context, s *data.Store, out string) error {
	// Name the file asked for, not the hidden folder it was made in.
	return data.FileFailure(out, data.Naming(out, backupFile(ctx, s, out)))
}

func backupFile(ctx context.Context, s *data.Store, out string) error {
	if _, err := os.Lstat(out); err == nil {
		return data.Conflict("err.file_exists", map[string]any{"Path": out})
	}
	tmpDir, err := os.MkdirTemp(filepath.Dir(out), ".channeldesk-backup-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmpDir)
	tmp := filepath.Join(tmpDir, "backup.db")
	if err := s.BackupTo(tmp); err != nil {
		return err
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return placeNew(tmp, out)
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// placeNew moves tmp to out without ever replacing an existing out: a hard
// link fails when out exists; where links are not supported, it checks
// and renames.
func placeNew(tmp, out string) error {
	if err := os.Link(tmp, out); err == nil {
		return os.Remove(tmp)
	} else if errors.Is(err, os.ErrExist) {
		return data.Conflict("err.file_exists", map[string]any{"Path": out})
	}
	if _, err := os.Lstat(out); err == nil {
		return data.Conflict("err.file_exists", map[string]any{"Path": out})
	}
	return os.Rename(tmp, out)
}
