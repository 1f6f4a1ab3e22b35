//! Noticing changes to the database: another process's (`data_version`) and this
//! connection's own (`change_count`).

use super::{Store, StoreError};

impl Store {
    /// A number that changes whenever another connection (the CLI while the app is open, or
    /// the app while `newsroom watch` runs) commits to the database; this connection's own
    /// commits leave it alone. Comparing it over time is how a front end learns it must reload.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |row| row.get(0))?)
    }

    /// How many rows this connection has inserted, updated or deleted since it opened. A front
    /// end compares it around a command to learn whether the command wrote anything (reads,
    /// such as rendering a preview, leave it alone).
    pub fn change_count(&self) -> u64 {
        self.conn.total_changes()
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{NewArticle, RevisionCause};
    use crate::store::Store;

    fn article(headline: &str) -> NewArticle {
        NewArticle {
            headline: headline.into(),
            ..NewArticle::default()
        }
    }

    #[test]
    fn change_count_moves_with_our_writes_only() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("library.db")).unwrap();
        let start = store.change_count();
        let made = store
            .create_article(&article("Counted"), RevisionCause::Manual)
            .unwrap();
        let after_write = store.change_count();
        assert!(after_write > start);
        store.article(made.id).unwrap();
        store.list(&Default::default()).unwrap();
        assert_eq!(store.change_count(), after_write, "reads change nothing");
    }

    #[test]
    fn another_connection_s_commit_changes_it_and_our_own_do_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.db");
        let mut ours = Store::open(&path).unwrap();
        let mut theirs = Store::open(&path).unwrap();
        let start = ours.data_version().unwrap();

        ours.create_article(&article("Ours"), RevisionCause::Manual)
            .unwrap();
        assert_eq!(ours.data_version().unwrap(), start);

        theirs
            .create_article(&article("Theirs"), RevisionCause::Manual)
            .unwrap();
        let after = ours.data_version().unwrap();
        assert_ne!(after, start);
        assert_eq!(
            ours.data_version().unwrap(),
            after,
            "stable while nothing happens"
        );
    }
}
