use crate::Constant;
/// Every constant the oracle checks.
pub fn constants() -> Vec<Constant> { vec![] }
