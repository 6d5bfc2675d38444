team-intro = احجز مع مجموعة: الجميع معًا، أو من يكون متاحًا بالتناوب.
team-empty = لا فرق بعد
team-empty-admin-text = أنشئ فريقًا، وأضف أعضاءه، وامنحه أنواع مواعيد.
team-empty-text = يمكن لأحد المسؤولين إضافتك إلى فريق.
team-member-count = { $count ->
    [zero] لا أعضاء
    [one] عضو واحد
    [two] عضوان
    [few] { $count } أعضاء
    [many] { $count } عضوًا
   *[other] { $count } عضو
}
team-role-admin = مسؤول الفريق
team-role-member = عضو
team-open = فتح
team-new = فريق جديد
team-name = الاسم
team-name-placeholder = الاستقبال
team-slug = المعرّف في الرابط
team-slug-hint = صفحة الفريق هي /team/<المعرّف>: أحرف لاتينية صغيرة وأرقام و-. إن تُرك فارغًا، يُنشأ من الاسم.
team-create = إنشاء الفريق
team-new-event-type = نوع موعد جديد للفريق
team-members = الأعضاء
team-disabled = معطّل
team-remove-confirm = هل تريد إزالة { $name } من الفريق؟
team-remove = إزالة
team-event-types = أنواع مواعيد الفريق
team-no-event-types = لا أنواع مواعيد للفريق
team-no-event-types-text = أنشئ واحدًا: جماعيًا (يحضر الجميع) أو بالتناوب (من يكون متاحًا، بالدور).
team-scheduling-individual = فردي
team-scheduling-collective = جماعي
team-scheduling-round-robin = بالتناوب
team-managing = إدارة الفريق
team-managing-text = يضيف مسؤولو الفريق الأعضاء ويزيلونهم ويغيّرون أنواع مواعيده. ترى حجوزات الفريق في صفحة الحجوزات.
team-add-title = إضافة شخص لديه حساب
team-everyone-in = كل من لديه حساب موجود في الفريق بالفعل.
team-person = الشخص
team-role = الدور في الفريق
team-add = إضافة إلى الفريق
team-invite-title = إنشاء حساب وإضافته
team-invite-hint = تحصل على رابط صالح لمرة واحدة ليختار الشخص كلمة مروره. وهو صالح لمدة { $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
}.
team-email = البريد الإلكتروني
team-create-account = إنشاء الحساب
team-member-created = أصبح لدى { $name } حساب وانضم إلى الفريق.

team-error-slug-used = مستخدم بالفعل لفريق آخر
team-error-not-a-user = ليس مستخدمًا في هذه النسخة
