//! A release checker (`newsroom-proofer`) for Linux is linked lean (crates/release-link): it is
//! started with checking as you type, the library's default, and lives as long as the app.

use release_link::Bins;

fn main() {
    if release_link::release_for_glibc() {
        let proofer = Bins::Named("newsroom-proofer");
        release_link::pack_relative_relocations(proofer);
        release_link::order_functions(proofer, "proofer-order.ld");
    }
}
