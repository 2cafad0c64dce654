use crate::TypeLayout;
/// Every ABI type the oracle checks.
pub fn types() -> Vec<TypeLayout> { vec![] }
