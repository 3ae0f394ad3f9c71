# Product categories and per-product advice shown to owners. Referenced from src/reference/catalogue.toml.

cat-makanan = Processed food/drink
cat-segar = Farm/sea produce
cat-kerajinan = Crafts/textiles
cat-anak = Toys/baby clothes
cat-industri = Helmets/electric/fertiliser
cat-kosmetik = Cosmetics/soap
cat-lainnya = Other

## Advice after the outcome: the permit that really matters for the product (sni.md §9.2).
## One line each, at most 300 characters. "As far as we know" marks facts that are not certain.

advice-depot-air = A refill water depot does not use the bottled-water SNI and needs no BPOM MD. Required: NIB and a Sertifikat Standar in OSS, a hygiene certificate (SLHS) from the Dinas Kesehatan, and regular water tests. Sealed bottled water is AMDK: mandatory SNI and BPOM MD.
advice-amdk = Bottled drinking water (AMDK) needs the mandatory SNI through an LSPro and a BPOM MD permit, not P-IRT. The LSPro also asks for a water abstraction permit (SIPA) or a contract with a SIPA holder, and a raw-water test.
advice-madu = Pure honey cannot use P-IRT and is no longer registered at BPOM. Register it with Kementan through the Dinas Peternakan (fresh animal-origin food) and get an NKV (veterinary control number). As far as we know the honey SNI is voluntary. Mixed herbal honey may follow other rules; staff will check.
advice-garam-beryodium = Salt for eating must be iodised and needs the mandatory SNI 3556 through an LSPro, then a BPOM MD permit (not P-IRT). Requirements include a registered brand and equipment to wash, iodise, dry and pack the salt.
advice-garam-krosok = Raw salt (krosok) sold to a factory is a raw material. As far as we know it is not covered by the mandatory consumer-salt SNI (SNI 3556); that applies to iodised salt for eating. If you process and pack salt for eating, other rules apply. Check with the Disperindag.
advice-kopi-instan = Instant coffee needs the mandatory SNI (SNI 2983) through an LSPro and a BPOM MD permit, not P-IRT. If you actually sell ground coffee (roasted and ground beans), its SNI is voluntary.
advice-kopi-bubuk = The ground coffee SNI (SNI 8964:2021) is voluntary. The permit to sell is usually P-IRT if made at home, or BPOM MD if made in a factory. Instant coffee, not ground coffee, is the one with a mandatory SNI.
advice-biji-kopi = Green coffee beans are fresh food, so they do not use P-IRT. Micro and small businesses register them (PSAT-PDUK) at the district/city food office. The green coffee SNI is voluntary.
advice-keripik-tempe = Tempe chips use the tempe chips SNI (SNI 2602), not the tempe SNI (SNI 3144). As far as we know it is voluntary. The permit to sell is P-IRT from the Dinas/DPMPTSP if made at home.
advice-tempe = Fresh tempe uses SNI 3144:2015 (voluntary). Tempe that keeps only a few days usually needs no permit to sell, but you still need an NIB; staff will confirm. If you make tempe chips, a different SNI applies (SNI 2602).
advice-abon = Fish floss uses SNI 7690.1:2013 and meat floss SNI 01-3707-1995, so do not mix them up. As far as we know both are voluntary. The permit to sell is P-IRT if made at home.
advice-kerupuk = Fish crackers have SNI 2713 (voluntary as far as we know); for prawn crackers staff will confirm. To sell, you need P-IRT from the Dinas/DPMPTSP (home-made) or BPOM MD (factory). The SNI can go through SNI Bina UMK if your business is low risk.
advice-sabun-mandi = Bath soap, bar or liquid, is a cosmetic: what is required is a BPOM notification before selling. A soap SNI exists and, as far as we know, is voluntary. An SNI never replaces the BPOM notification.
advice-sabun-cuci-tangan = Hand soap has SNI 2588:2017 (voluntary as far as we know). Its permit to sell may be a BPOM notification (cosmetic) or a PKRT permit from Kemenkes, depending on the type and claims. Staff will confirm.
advice-sabun-cuci-piring = Dish soap and detergent are not cosmetics, so they do not go through BPOM. Their permit to sell is PKRT (household health supplies) from Kemenkes, applied for through OSS. Staff will check whether an SNI exists for your product.
advice-kosmetik = For cosmetics, the permit that matters is the BPOM notification (valid 3 years; micro and small firms pay 50% less). Without a licensed cosmetics production site, the easiest way is contract manufacturing (maklon) with a licensed maker. As far as we know no cosmetics SNI is mandatory.
advice-pupuk-organik = To sell organic fertiliser or compost, what is required is a fertiliser registration number from Kementan (Permentan 1/2019). It is done online and needs lab and effectiveness tests. The organic fertiliser SNI (SNI 7763) is a quality reference and, as far as we know, voluntary.
advice-mebel = As far as we know furniture for the domestic market needs no SNI; furniture SNIs (chairs, tables and more) are voluntary. For exporting wood or rattan, what counts is SVLK/the V-Legal document. Ask the Dinas Kehutanan or a verification body (LVLK).
advice-perhiasan-emas = The gold jewellery SNI (SNI 8880:2020) is voluntary, applied for at LSPro BBSPJIKB Yogyakarta with a brand, NIB and NPWP. Required: state the gold content (percent or karat) and the maker's identity.
advice-perhiasan-perak = We have not found an SNI for silver jewellery. Useful steps: an NIB and a registered brand. Staff will check whether a suitable standard exists for your product.
advice-batik = Besides the batik SNI (voluntary) there is Batikmark, the Indonesian batik mark from BBSPJIKB Yogyakarta, usually cheaper. It needs a KTP, NPWP, NIB and a registered brand, so register your brand first.
advice-tenun = We have not found a product SNI for tenun, tenun ikat or songket. Useful steps: an NIB and a registered brand. Staff will check whether an SNI or a Geographical Indication exists for your region's weaving.
advice-helm = Motorcycle helmets need the mandatory SNI 1811. A helmet may not be sold before it has an SNI certificate from an appointed LSPro, however small the production. Get this certificate before you start selling.
advice-mainan = Children's toys, including wooden toys and handmade dolls, need the mandatory SNI. Get the certificate from an LSPro appointed by Kemenperin before selling. Ask the Disperindag whether free certification support is offered this year.
