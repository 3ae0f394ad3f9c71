## Staff replies to the owner, and the owner writing back after the result

# The owner wrote after the result; it went to the officers' thread.
done-forwarded = We have passed your message on to the officer. Their reply will come in this chat.
# Heads a staff reply. $who: owner-staff-who or owner-staff-who-dinas.
owner-staff-reply = Reply from { $who }:
owner-staff-who = { $name } ({ $organisation })
owner-staff-who-dinas = { $name }, officer of the { $region } office
