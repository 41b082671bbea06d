print("lumbar")
