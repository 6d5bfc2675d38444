bk-tab-upcoming = القادمة
bk-tab-pending = غير المؤكدة
bk-tab-past = السابقة
bk-tab-cancelled = الملغاة
bk-status-confirmed = مؤكد
bk-status-unconfirmed = غير مؤكد
bk-status-rescheduled = أُعيدت جدولته
bk-status-cancelled = ملغى
bk-status-declined = مرفوض
bk-times-in-zone = الأوقات بمنطقتك الزمنية، { $zone }.
bk-empty-pending = لا شيء بالانتظار
bk-empty-pending-text = تظهر هنا طلبات أنواع المواعيد التي تحتاج إلى تأكيدك.
bk-empty-past = لا حجوزات سابقة
bk-empty-past-text = تظهر هنا المواعيد التي انعقدت.
bk-empty-cancelled = لا حجوزات ملغاة
bk-empty-cancelled-text = تظهر هنا الحجوزات التي أُلغيت أو رُفضت.
bk-empty-upcoming = لا حجوزات قادمة
bk-empty-upcoming-text = عندما يحجز أحدهم أحد أنواع مواعيدك، يظهر الحجز هنا.
bk-accept = قبول
bk-details = التفاصيل
bk-chosen-by-round-robin = { $host }، اختاره التناوب: { $reason }
bk-round-robin-chose = اختاره التناوب: { $reason }.
bk-why-host = لماذا { $host }
bk-because-only-free = المضيف الوحيد في المجموعة المتاح في ذلك الوقت
bk-because-priority = الأولوية الأعلى بين المضيفين المتاحين
bk-because-fewest-bookings = أقل عدد من الحجوزات هذا الشهر بالنسبة إلى وزنه
bk-because-least-recent = عدد حجوزات بالنسبة إلى وزنه مساوٍ للآخرين، وآخر حجز له هو الأقدم
bk-because-kept = أُبقي عليه من الحجز قبل إعادة جدولته
bk-because-equal = مساوٍ للآخرين في الأولوية والحجوزات وآخر حجز
bk-when = الموعد
bk-for-invitee = بتوقيت المدعو
bk-invitee = المدعو
bk-guests = الضيوف
bk-hosts = المضيفون
bk-where = المكان
bk-moved-to = نُقل إلى
bk-at-new-time = الحجز في وقته الجديد
bk-cancel-reason = سبب الإلغاء
bk-reject-reason = سبب الرفض
bk-reschedule-reason = سبب إعادة الجدولة
bk-booked = تاريخ الحجز
bk-answers = الإجابات
bk-no-questions = لم تُطرح أي أسئلة.
bk-actions = الإجراءات
bk-team-member-only = ترى هذا الحجز بصفتك عضوًا في الفريق. يمكن لمضيفيه ولمسؤولي الفريق قبوله أو رفضه أو إلغاؤه.
bk-reschedule-action = إعادة الجدولة…
bk-decline-action = رفض…
bk-reason-shared = السبب (يُشارَك مع المدعو)
bk-decline-request = رفض الطلب
bk-cancel-confirm = هل تريد إلغاء هذا الحجز؟
bk-cancel-booking = إلغاء الحجز
bk-reschedule = إعادة الجدولة
bk-back-to-booking = العودة إلى الحجز
bk-reschedule-title = إعادة جدولة { $title } مع { $name }
bk-reschedule-now = الموعد الحالي: { $when }. الأوقات المتاحة بمنطقتك الزمنية، { $zone }.
bk-pick-new-time = اختر وقتًا جديدًا
bk-free-times-from = الأوقات المتاحة بدءًا من
bk-show = عرض
bk-new-time = الوقت الجديد
bk-error-pick-a-time = مطلوب: اختر أحد الأوقات المتاحة
bk-reason-sent = السبب (يُرسَل إلى المدعو)
bk-reason-sent-hint = يتلقى المدعو الوقت الجديد بالبريد الإلكتروني مع هذا السبب.
bk-move-booking = نقل الحجز
bk-no-free-times = لا أوقات متاحة هذا الأسبوع
bk-no-free-times-text = جرّب أسبوعًا لاحقًا، أو غيّر أوقات إتاحتك.
bk-other-days = أيام أخرى
bk-earlier = أبكر
bk-later = لاحقًا
bk-free-on-day = { $day } · { $count ->
    [zero] لا أوقات متاحة
    [one] وقت واحد متاح
    [two] وقتان متاحان
    [few] { $count } أوقات متاحة
    [many] { $count } وقتًا متاحًا
   *[other] { $count } وقت متاح
}
bk-time-taken = لم يعد هذا الوقت متاحًا. يُرجى اختيار وقت آخر.
