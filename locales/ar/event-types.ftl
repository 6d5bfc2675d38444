# أنواع المواعيد في لوحة التحكم: القائمة والإنشاء والمحرّر.

et-title = أنواع المواعيد
et-list-intro = ما يمكن للناس حجزه معك، وصفحتك العامة: { $page }
et-copy-link = نسخ الرابط
et-new = نوع موعد جديد
et-empty-title = لا توجد أنواع مواعيد بعد
et-empty-text = أنشئ نوعًا، مثل استشارة مدتها 30 دقيقة، وشارك رابطه.
et-create-first = أنشئ أول نوع موعد
et-team-badge = الفريق: { $team }
et-hidden = مخفي
et-needs-confirmation = يتطلب تأكيدًا
et-open = فتح
et-view = عرض
et-edit = تحرير
et-duplicate = تكرار
et-show = إظهار
et-hide = إخفاء
et-delete-confirm = هل تريد حذف «{ $title }»؟ تبقى حجوزاته كما هي.
et-delete = حذف
et-copy-title = { $title } (نسخة)

et-new-intro = يمكنك تغيير كل شيء لاحقًا.
et-owner-just-me = أنا فقط
et-field-title = العنوان
et-title-placeholder = استشارة
et-field-slug = اسم الرابط
et-new-slug-hint = أحرف لاتينية صغيرة وأرقام و-. إذا تُرك فارغًا، يُصنع من العنوان.
et-slug-placeholder = istishara
et-field-description = الوصف
et-new-description-hint = يظهر في صفحة الحجز.
et-field-duration = المدة بالدقائق
et-duration-hint = رقم واحد، أو عدة أرقام تفصل بينها فواصل (15, 30, 60) ليختار الناس بينها.
et-field-owner = المالك
et-owner-hint = يُحجز نوع موعد الفريق مع أعضاء الفريق.
et-cancel = إلغاء
et-continue = متابعة
et-error-durations = يجب أن تكون أعدادًا صحيحة من الدقائق، مثل 30 أو 15, 30, 60
et-error-days-required = مطلوب لهذا الاختيار

et-not-saved = لم يُحفظ بعد: اضغط «حفظ التغييرات» عند الانتهاء.
et-preview = معاينة
et-sections = الأقسام
et-basics = الأساسيات
et-availability = الإتاحة
et-limits = الحدود
et-questions = أسئلة الحجز
et-advanced = متقدم
et-embed = التضمين
et-member-view = أنت ترى نوع موعد الفريق هذا بصفتك عضوًا في الفريق. لا يستطيع تغييره إلا مسؤولو الفريق.
et-slug-hint = نهاية رابط الحجز. أحرف لاتينية صغيرة وأرقام و-.
et-description-hint = يظهر في صفحة الحجز. يبدأ السطر الفارغ فقرة جديدة.
et-field-durations = المدد بالدقائق
et-durations-hint = عدة مدد تفصل بينها فواصل تتيح للناس الاختيار؛ والأولى هي الافتراضية.
et-locations = الأماكن
et-locations-hint = أين يُعقد الاجتماع. إذا كانت هناك عدة أماكن، يختار المدعو.
et-location-n = المكان { $n }
et-remove = إزالة
et-location-kind = النوع
et-location-in-person = حضوريًا
et-location-phone = الهاتف
et-location-link = رابط الاجتماع
et-location-video = مكالمة فيديو (غرفة لكل حجز)
et-location-google-meet = Google Meet (مع تقويم Google الخاص بك)
et-location-teams = Microsoft Teams (مع تقويم Microsoft 365 الخاص بك)
et-location-zoom = Zoom (مع حسابك في Zoom)
et-location-value = العنوان أو الرقم أو الرابط
et-location-value-placeholder = غير مطلوب لمكالمات الفيديو
et-no-location = بلا مكان: التفاصيل متروكة لك وللمدعو.
et-add-location = + إضافة مكان
et-team-of = نوع موعد للفريق { $team }. يُطبَّق الجدول الافتراضي لكل مضيف.
et-scheduling = التوزيع
et-round-robin = بالتناوب: مضيف واحد، بالدور
et-collective = جماعي: يحضر جميع المضيفين
et-hosts = المضيفون
et-round-robin-title = بالتناوب: من يحصل على الحجز.
et-round-robin-text = من بين المضيفين المتاحين في ذلك الوقت، صاحب الأولوية الأعلى؛ وعند التساوي، من هو الأكثر تأخرًا عن حصته من حجوزات هذا الشهر (الوزن 200 يحصل على ضعف حجوزات الوزن 100)؛ ومن بين هؤلاء، من مضى على آخر حجز له أطول وقت.
et-turn-group = مجموعة التناوب
et-turn-group-text = تُترك { $group } عادةً فارغة: وعندها يتناوب جميع المضيفين معًا. ولكي يحضر مضيف واحد من كل فئة (مثلًا طبيب ومترجم)، أعطِ كل فئة اسمًا مثل { $first } و{ $second }: يتناوب المضيفون الذين يحملون الاسم نفسه، وما إن تكون لأي مضيف مجموعة حتى يحضر المضيف الذي بلا مجموعة كل حجز.
et-group-example-first = أطباء
et-group-example-second = مترجمون
et-priority = الأولوية
et-priority-lowest = الأدنى
et-priority-low = منخفضة
et-priority-medium = متوسطة
et-priority-high = مرتفعة
et-priority-highest = الأعلى
et-weight = الوزن
et-turn-group-field = مجموعة التناوب (اختياري)
et-turn-group-placeholder = فارغ: يتناوب مع الجميع
et-schedule = الجدول
et-schedule-hint = ساعات العمل التي يتبعها نوع الموعد هذا.
et-my-default-schedule = جدولي الافتراضي
et-schedule-default = { $name } (افتراضي)
et-edit-schedules = تحرير جداولك
et-minimum-notice = أدنى مهلة مسبقة (بالدقائق)
et-minimum-notice-hint = قبل البدء بكم من الوقت يمكن للناس الحجز.
et-slot-interval = أوقات البدء كل (بالدقائق)
et-slot-interval-hint = فارغ: المدة نفسها.
et-buffer-before = فاصل قبل (بالدقائق)
et-buffer-after = فاصل بعد (بالدقائق)
et-window = إلى أي مدى مسبقًا يمكن للناس الحجز
et-window-unlimited = في أي وقت في المستقبل
et-window-calendar-days = خلال عدد من الأيام التقويمية
et-window-business-days = خلال عدد من أيام العمل
et-window-date-range = بين تاريخين فقط
et-window-days = الأيام
et-window-from = من
et-window-until = حتى
et-most-bookings = الحد الأقصى للحجوزات
et-limit-day-bookings = في اليوم (حجوزات)
et-limit-week-bookings = في الأسبوع (حجوزات)
et-limit-month-bookings = في الشهر (حجوزات)
et-limit-year-bookings = في السنة (حجوزات)
et-most-time = الحد الأقصى للوقت المحجوز
et-limit-day-minutes = في اليوم (دقائق)
et-limit-week-minutes = في الأسبوع (دقائق)
et-limit-month-minutes = في الشهر (دقائق)
et-limit-year-minutes = في السنة (دقائق)
et-first-slot-only = عرض أول وقت متاح في كل يوم فقط
et-questions-hint = يُطلب الاسم والبريد الإلكتروني دائمًا. أضف ما تحتاج إلى معرفته غير ذلك.
et-question-n = السؤال { $n }
et-move-up = نقل السؤال { $n } إلى الأعلى
et-move-down = نقل السؤال { $n } إلى الأسفل
et-question = السؤال
et-answer-type = نوع الإجابة
et-kind-text = نص قصير
et-kind-textarea = نص طويل
et-kind-email = البريد الإلكتروني
et-kind-phone = رقم الهاتف
et-kind-number = رقم
et-kind-select = قائمة منسدلة
et-kind-multiselect = خيارات متعددة
et-kind-radio = خيار واحد
et-kind-checkbox = خانة اختيار
et-kind-date = تاريخ
et-identifier = المعرّف
et-identifier-hint = يسمّي الإجابة في واجهة API.
et-choices = الخيارات (خيار في كل سطر)
et-choices-hint = للقوائم المنسدلة وقوائم الخيارات.
et-answer-required = الإجابة مطلوبة
et-no-questions = لا توجد أسئلة إضافية.
et-add-question = + إضافة سؤال
et-requires-confirmation = يتطلب تأكيدًا
et-requires-confirmation-hint = تنتظر الحجوزات حتى تقبلها.
et-pending-blocks-slot = حجز الوقت ما دام هناك طلب ينتظر
et-seats = المقاعد لكل وقت
et-seats-hint = للجلسات الجماعية: يمكن لعدة أشخاص حجز الوقت نفسه. فارغ: شخص واحد.
et-hidden-field = مخفي من الصفحة العامة
et-hidden-hint = الرابط المباشر لا يزال يعمل.
et-embed-title = التضمين في موقعك الإلكتروني
et-embed-hint = الصق هذا حيث يجب أن تظهر صفحة الحجز. يحدد المسؤول المواقع المسموح لها بتضمينها في الإدارة ← المثيل.
et-snippet = الشيفرة
et-copy-snippet = نسخ الشيفرة
et-back = رجوع
et-save = حفظ التغييرات

et-error-no-duration = يجب أن يتضمن مدة واحدة على الأقل
et-error-too-many-durations = { $max ->
        [one] يجب ألا يتضمن أكثر من مدة واحدة
        [two] يجب ألا يتضمن أكثر من مدتين
        [few] يجب ألا يتضمن أكثر من { $max } مدد
        [many] يجب ألا يتضمن أكثر من { $max } مدةً
       *[other] يجب ألا يتضمن أكثر من { $max } مدة
    }
et-error-duration-range = { $max ->
        [one] { $minutes } ليس بين { $min } ودقيقة واحدة
        [two] { $minutes } ليس بين { $min } ودقيقتين
        [few] { $minutes } ليس بين { $min } و{ $max } دقائق
        [many] { $minutes } ليس بين { $min } و{ $max } دقيقةً
       *[other] { $minutes } ليس بين { $min } و{ $max } دقيقة
    }
et-error-repeated-duration = يجب ألا تتكرر فيه أي مدة
et-error-end-before-start = يجب ألا يكون قبل البداية
et-error-zero-limit = يجب أن يكون 1 على الأقل (اتركه فارغًا لعدم وضع حد)
et-error-seats-confirmation = لا يمكن الجمع بينه وبين «يتطلب تأكيدًا»
et-error-too-many-locations = { $max ->
        [one] يجب ألا يتضمن أكثر من مكان واحد
        [two] يجب ألا يتضمن أكثر من مكانين
        [few] يجب ألا يتضمن أكثر من { $max } أماكن
        [many] يجب ألا يتضمن أكثر من { $max } مكانًا
       *[other] يجب ألا يتضمن أكثر من { $max } مكان
    }
et-error-hosts-of-teams = مخصصون لأنواع مواعيد الفرق فقط
et-error-personal-kind = يجب أن يكون individual لنوع موعد شخصي
et-error-team-kind = يجب أن يكون collective (جماعي) أو roundRobin (بالتناوب) لنوع موعد خاص بفريق
et-error-no-host = يجب أن يتضمن مضيفًا واحدًا على الأقل
et-error-host-twice = مدرج مرتين
et-error-group-of-round-robin = مخصص لأنواع المواعيد بالتناوب فقط
et-error-link = يجب أن يكون رابطًا يبدأ بـ http:// أو https://
et-error-video-url = يُنشأ لكل حجز؛ اتركه فارغًا
et-error-key = { $max ->
        [few] يجب أن يتكون من { $min } إلى { $max } أحرف أو أرقام أو - أو _
        [many] يجب أن يتكون من { $min } إلى { $max } حرفًا أو رقمًا أو - أو _
       *[other] يجب أن يتكون من { $min } إلى { $max } حرف أو رقم أو - أو _
    }
et-error-key-of-the-form = يستخدمه نموذج الحجز نفسه؛ اختر غيره
et-error-key-used = يستخدمه سؤال آخر
et-error-no-choice = يجب أن تتضمن خيارًا واحدًا على الأقل
et-error-choices-distinct = يجب أن تكون مختلفة وغير فارغة
et-error-choices-of-lists = مخصصة لأسئلة القوائم المنسدلة والاختيار المتعدد والاختيار الفردي فقط
et-error-slug-used = مستخدم بالفعل لنوع موعد آخر
et-error-team-schedule = تتبع أنواع مواعيد الفرق الجدول الافتراضي لكل مضيف
et-error-not-your-schedule = ليس من جداولك
et-error-not-a-member = ليس عضوًا في الفريق
et-error-needs-google = يحتاج إلى تقويم Google بوصفه تقويم الوجهة لكل مضيف (لوحة التحكم ← التقويمات)
et-error-needs-microsoft = يحتاج إلى تقويم Microsoft 365 بوصفه تقويم الوجهة لكل مضيف (لوحة التحكم ← التقويمات)
et-error-needs-zoom = يتطلب أن يربط كل مضيف حسابه في Zoom (لوحة التحكم ← التقويمات)
et-error-team-fixed = لا يمكن تغييره؛ أنشئ نوع موعد جديدًا بدلًا من ذلك
