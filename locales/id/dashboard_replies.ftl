## Lead page: the owner's questions and the thread with the owner

dash-thread-title = Pertanyaan dan pesan pemilik
dash-thread-questions = Pertanyaan yang belum bisa dijawab Pandu
dash-thread-asked-at = ditanyakan { $at }
dash-thread-waiting = Belum dijawab
dash-thread-answered = Sudah dijawab
dash-thread-empty = Belum ada pesan dengan pemilik.
dash-thread-owner = Pemilik
dash-thread-older = Hanya { $n } pesan terbaru yang ditampilkan.
dash-thread-reply = Balas pemilik
dash-thread-reply-hint = Pemilik menerima balasan ini di { $channel } dari Pandu, dengan nama Anda.
dash-thread-send = Kirim balasan
dash-thread-no-reply = Hanya konsultan yang ditugaskan dan petugas dinas yang dapat membalas.
dash-thread-superseded = Pemilik sudah pindah wilayah; balasan dikirim dari prospek yang baru.
dash-thread-empty-reply = Tulis balasannya dulu, lalu kirim.
dash-thread-back = Kembali ke prospek
limit-field-owner-reply = Balasan

dash-channel-telegram = Telegram
dash-channel-whatsapp = WhatsApp
dash-channel-console = konsol

dash-delivery-queued = Dalam antrean
dash-delivery-sent = Terkirim
dash-delivery-delivered = Sampai di ponsel pemilik
dash-delivery-read = Sudah dibaca
dash-delivery-failed = Gagal terkirim
dash-delivery-blocked = Gagal: pemilik memblokir Pandu atau nomornya tidak bisa dihubungi
dash-delivery-waiting = Menunggu pemilik membuka percakapan
