## Staff replies to the owner, and the owner writing back after the result

# The owner wrote after the result; it went to the officers' thread.
done-forwarded = Pesan Anda sudah kami teruskan ke petugas. Balasannya akan datang lewat chat ini.
# Heads a staff reply. $who: owner-staff-who or owner-staff-who-dinas.
owner-staff-reply = Balasan dari { $who }:
owner-staff-who = { $name } ({ $organisation })
owner-staff-who-dinas = { $name }, petugas dinas { $region }
