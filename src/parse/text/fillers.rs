//! Dropping the particles, address words and laughs around what the owner actually said.

use super::stretch::is_laughter;
use crate::parse::lexicon::LEXICON;

/// The clause without its fillers: particles anywhere, address words at either edge
/// ("kak, sudah", "belum bu"); in the middle they may be real words ("ibu rumah tangga").
/// Empty when the clause was only fillers.
pub(super) fn strip_clause(tokens: &[String]) -> Vec<String> {
    let lex = &*LEXICON;
    let particle = |t: &str| lex.particles.contains(t) || is_laughter(t);
    let address = |t: &str| lex.address.contains(t);
    let at_start = |t: &str| particle(t) || address(t) || lex.address_at_start.contains(t);
    let at_end = |t: &str| particle(t) || address(t) || lex.trailing.contains(t);

    let lead = tokens.iter().take_while(|t| at_start(t)).count();
    let tail = tokens.iter().rev().take_while(|t| at_end(t)).count();
    tokens
        .iter()
        .enumerate()
        .filter(|&(i, t)| {
            let in_tail = i + tail >= tokens.len();
            !(particle(t) || i < lead || (in_tail && address(t)))
        })
        .map(|(_, t)| t.clone())
        .collect()
}

/// "sudah ya": the softener at the end goes, but a lone "ya" is the answer itself.
pub(super) fn drop_softeners(tokens: &mut Vec<String>) {
    while tokens.len() > 1 && tokens.last().is_some_and(|t| LEXICON.trailing.contains(t)) {
        tokens.pop();
    }
}
