# Product categories and per-product advice shown to owners. Referenced from src/reference/catalogue.toml.

cat-makanan = Makanan/minuman olahan
cat-segar = Hasil tani/laut
cat-kerajinan = Kerajinan/tekstil
cat-anak = Mainan/baju bayi
cat-industri = Helm/listrik/pupuk
cat-lainnya = Lainnya
