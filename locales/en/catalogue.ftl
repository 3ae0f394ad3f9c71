# Product categories and per-product advice shown to owners. Referenced from src/reference/catalogue.toml.

cat-makanan = Processed food/drink
cat-segar = Farm/sea produce
cat-kerajinan = Crafts/textiles
cat-anak = Toys/baby clothes
cat-industri = Helmets/electric/fertiliser
cat-lainnya = Other
