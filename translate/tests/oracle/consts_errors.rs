use crate::Constant;
/// The error-code and NTSTATUS constants the oracle checks.
pub fn constants() -> Vec<Constant> { vec![] }
