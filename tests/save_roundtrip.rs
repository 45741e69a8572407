//! The YAML writer is the inverse of the loader: for generated drafts of both
//! styles, with awkward text (YAML keywords, quotes, markers, line breaks),
//! load(save(draft)) == draft.

use std::path::Path;

use crate::common;

use common::draft;
use proptest::prelude::*;

/// The draft written as YAML in `form` loads as the same draft.
fn comes_back(
    draft: &gongwen::model::Draft,
    form: gongwen::save::KeyForm,
) -> Result<(), TestCaseError> {
    let yaml = gongwen::save::to_string_in(draft, form);
    let loaded = gongwen::load::load_draft_bytes(Path::new("saved.yaml"), yaml.as_bytes());
    let mut loaded = match loaded {
        Ok(d) => d,
        Err(e) => return Err(TestCaseError::fail(format!("{e}\n--- yaml ---\n{yaml}"))),
    };
    loaded.forget_origin();
    prop_assert_eq!(&loaded, draft, "yaml:\n{}", yaml);
    Ok(())
}

proptest! {
    #![proptest_config(common::proptest_config(500))]

    #[test]
    fn load_of_save_is_the_same_draft(draft in draft()) {
        comes_back(&draft, gongwen::save::KeyForm::English)?;
    }

    #[test]
    fn a_saved_folder_loads_as_the_same_draft(draft in draft()) {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("v1");
        gongwen::save::save_checked(&draft, &folder, false, &[]).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut loaded = gongwen::load::load_draft(&folder).map_err(|e| TestCaseError::fail(e.to_string()))?;
        loaded.forget_origin();
        prop_assert_eq!(loaded, draft);
    }

    #[test]
    fn tables_and_attachments_are_written_back_as_they_were(draft in common::tables::draft()) {
        for form in [gongwen::save::KeyForm::English, gongwen::save::KeyForm::Chinese] {
            comes_back(&draft, form)?;
        }
    }
}
